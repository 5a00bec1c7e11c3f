//! "Compared with organisations like you": the group of a benchmark that
//! best matches one organisation, and where its scores stand in it.
//!
//! A regional benchmark (`airedo rollup`) holds figures per sector, per
//! organisation type and for all organisations, with small groups
//! suppressed. An organisation is best compared with the most specific
//! group that has figures: its main sector, else its type, else everyone.
//! The app's results and the PDF report both use this, so they always
//! name the same group and the same figures.

use std::io::Read;
use std::path::Path;

use crate::assessment::Profile;
use crate::catalogue::Catalogue;
use crate::group::rollup::{Benchmark, Distribution, Figures, GroupBy, from_ron};
use crate::questionnaire::Lang;

/// The largest benchmark file read; a real one is a few kilobytes.
const MAX_BENCHMARK_BYTES: u64 = 4 * 1024 * 1024;

/// The group an organisation is compared with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Peers<'b> {
    pub group: &'b GroupBy,
    /// How many organisations the group has.
    pub organisations: usize,
    pub figures: &'b Figures,
}

/// Where a score stands in its group's distribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Below the first quartile: among the lowest quarter.
    LowestQuarter,
    /// Between the quartiles: the middle half.
    MiddleHalf,
    /// Above the third quartile: among the highest quarter.
    HighestQuarter,
}

impl<'b> Peers<'b> {
    /// The distribution of a dimension's scores in the group, if shown.
    pub fn dimension(&self, id: &str) -> Option<&'b Distribution> {
        self.figures
            .dimensions
            .iter()
            .find(|d| d.dimension == id)
            .and_then(|d| d.distribution.as_ref())
    }

    /// The distribution of the overall score in the group, if shown.
    pub fn overall(&self) -> Option<&'b Distribution> {
        self.figures.overall.as_ref()
    }
}

/// The group in words, for a sentence such as "compared with {…}":
/// `organisationer i sektorn Tillverkning`, `företag`, `alla organisationer`.
pub fn describe(peers: &Peers, catalogue: &Catalogue, lang: Lang) -> String {
    let n = peers.organisations;
    match (peers.group, lang) {
        (GroupBy::Sector(id), _) => {
            let title = catalogue
                .module(id)
                .map_or(id.as_str(), |m| m.title.get(lang));
            match lang {
                Lang::Sv => format!("{n} organisationer i sektorn {title}"),
                Lang::En => format!("{n} organisations in the sector {title}"),
            }
        }
        (GroupBy::OrganisationType(kind), Lang::Sv) => {
            format!(
                "{n} organisationer av typen {}",
                kind.name(lang).to_lowercase()
            )
        }
        (GroupBy::OrganisationType(kind), Lang::En) => {
            format!(
                "{n} organisations of the type {}",
                kind.name(lang).to_lowercase()
            )
        }
        (GroupBy::All, Lang::Sv) => format!("alla {n} organisationer i jämförelsen"),
        (GroupBy::All, Lang::En) => format!("all {n} organisations in the benchmark"),
    }
}

/// The most specific group of `benchmark` with figures that `profile`
/// belongs to: its main sector, else its organisation type, else all.
pub fn peers_of<'b>(benchmark: &'b Benchmark, profile: &Profile) -> Option<Peers<'b>> {
    let wanted = profile
        .primary_sector
        .iter()
        .map(|sector| GroupBy::Sector(sector.clone()))
        .chain([
            GroupBy::OrganisationType(profile.organisation),
            GroupBy::All,
        ]);
    wanted.into_iter().find_map(|by| {
        let group = benchmark.groups.iter().find(|g| g.by == by)?;
        Some(Peers {
            group: &group.by,
            organisations: group.organisations,
            figures: group.figures.as_ref()?,
        })
    })
}

/// Where `score` stands in `distribution`; a score on a quartile counts as
/// in the middle half. The benchmark's figures have one decimal, so the
/// score is compared at that precision too: 30.43 beside quartiles of 30.4
/// reads "30,4 … 30,4–30,4", and must not be called above them.
pub fn standing(score: f64, distribution: &Distribution) -> Standing {
    let score = crate::wording::round1(score);
    if score < distribution.q1 {
        Standing::LowestQuarter
    } else if score > distribution.q3 {
        Standing::HighestQuarter
    } else {
        Standing::MiddleHalf
    }
}

/// Reads a benchmark file, or says in one line why it cannot be used.
pub fn read_benchmark(path: &Path) -> Result<Benchmark, String> {
    let name = path.display();
    let metadata = std::fs::metadata(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    if !metadata.is_file() {
        return Err(format!("{name} is not a file"));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BENCHMARK_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() as u64 > MAX_BENCHMARK_BYTES {
        return Err(format!("{name} is too large to be a benchmark file"));
    }
    let text = String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text"))?;
    from_ron(&text).map_err(|e| format!("{name}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::{Standing, standing};
    use crate::group::rollup::Distribution;

    #[test]
    fn standing_compares_at_the_precision_shown() {
        let flat = Distribution {
            n: 7,
            q1: 30.4,
            median: 30.4,
            q3: 30.4,
        };
        assert_eq!(standing(30.43, &flat), Standing::MiddleHalf);
        assert_eq!(standing(30.46, &flat), Standing::HighestQuarter);
        assert_eq!(standing(30.34, &flat), Standing::LowestQuarter);
        let spread = Distribution {
            n: 9,
            q1: 20.0,
            median: 35.0,
            q3: 50.0,
        };
        assert_eq!(standing(20.0, &spread), Standing::MiddleHalf);
        assert_eq!(standing(50.0, &spread), Standing::MiddleHalf);
        assert_eq!(standing(19.9, &spread), Standing::LowestQuarter);
        assert_eq!(standing(50.1, &spread), Standing::HighestQuarter);
    }
}
