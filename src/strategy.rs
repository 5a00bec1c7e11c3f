//! The sections of the EU Apply AI Strategy, COM(2025) 723, that questions and
//! recommendations cite.
//!
//! The validator refuses a citation that is not in this list, and the report's
//! source list takes its titles from here, so a citation always means something.

use crate::questionnaire::Lang;

/// The document every `strategy_ref` points into.
pub const DOCUMENT: &str = "COM(2025) 723 final";

/// `(section, Swedish title, English title)`, in document order.
pub const SECTIONS: &[(&str, &str, &str)] = &[
    ("1", "Inledning", "Introduction"),
    (
        "2",
        "Sektorsspecifika flaggskeppsinitiativ",
        "Sectoral flagships",
    ),
    (
        "2.1",
        "Hälso- och sjukvård inklusive läkemedel",
        "Healthcare and pharmaceuticals",
    ),
    ("2.2", "Robotteknik", "Robotics"),
    (
        "2.3",
        "Tillverkning, teknik och byggverksamhet",
        "Manufacturing, engineering and construction",
    ),
    (
        "2.4",
        "Försvar, säkerhet och rymden",
        "Defence, security and space",
    ),
    (
        "2.5",
        "Mobilitet, transport och fordon",
        "Mobility, transport and automotive",
    ),
    (
        "2.6",
        "Elektronisk kommunikation",
        "Electronic communications",
    ),
    ("2.7", "Energi", "Energy"),
    ("2.8", "Klimat och miljö", "Climate and environment"),
    ("2.9", "Jordbruksbaserade livsmedel", "Agri-food"),
    (
        "2.10",
        "Kulturella och kreativa sektorer samt medier",
        "Cultural and creative sectors and media",
    ),
    ("2.11", "Offentlig sektor", "Public sector"),
    (
        "3",
        "Hantering av övergripande utmaningar",
        "Addressing cross-cutting challenges",
    ),
    (
        "3.1",
        "Förbättra möjligheterna för europeiska små och medelstora företag",
        "Boosting opportunities for European SMEs",
    ),
    (
        "3.2",
        "Möjliggöra en AI-kompetent arbetskraft inom olika sektorer",
        "Enabling an AI-ready workforce across sectors",
    ),
    (
        "3.3",
        "Stödja AI som en produktionsfaktor",
        "Supporting AI as a factor of production",
    ),
    (
        "3.4",
        "Säkerställa förtroende för den europeiska marknaden",
        "Ensuring trust in the European market",
    ),
    (
        "4",
        "Inrättande av en gemensam styrningsmekanism",
        "Establishing a common governance mechanism",
    ),
    ("5", "Slutsats", "Conclusion"),
];

/// Whether `section` is a section of the strategy.
pub fn is_section(section: &str) -> bool {
    SECTIONS.iter().any(|(s, _, _)| *s == section)
}

/// The title of `section` in `lang`.
pub fn title(section: &str, lang: Lang) -> Option<&'static str> {
    SECTIONS
        .iter()
        .find(|(s, _, _)| *s == section)
        .map(|(_, sv, en)| if lang == Lang::Sv { *sv } else { *en })
}

/// All section numbers, for "did you mean".
pub fn section_numbers() -> Vec<&'static str> {
    SECTIONS.iter().map(|(s, _, _)| *s).collect()
}
