//! The profile step: who the organisation is, which decides the questions.

use eframe::egui;

use super::{Action, App, Page, theme};
use crate::assessment::Profile;
use crate::questionnaire::{Lang, OrgType, SizeBand};

/// The form's fields as typed, before they become a [`Profile`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileForm {
    pub name: String,
    pub organisation: Option<OrgType>,
    pub size: Option<SizeBand>,
    pub place: String,
    pub primary_sector: Option<String>,
    pub other_sectors: Vec<String>,
    pub respondent_name: String,
    pub respondent_role: String,
    /// Shown next to the fields after a failed submit.
    pub name_error: Option<&'static str>,
    pub size_error: Option<&'static str>,
    pub type_error: Option<&'static str>,
    /// Filled from the open assessment when editing.
    pub loaded: bool,
}

impl ProfileForm {
    pub fn from_profile(
        profile: &Profile,
        respondent: &crate::assessment::Respondent,
    ) -> ProfileForm {
        ProfileForm {
            name: profile.name.clone(),
            organisation: Some(profile.organisation),
            size: profile.size,
            place: profile.place.clone().unwrap_or_default(),
            primary_sector: profile.primary_sector.clone(),
            other_sectors: profile.other_sectors.clone(),
            respondent_name: respondent.name.clone().unwrap_or_default(),
            respondent_role: respondent.role.clone().unwrap_or_default(),
            loaded: true,
            ..ProfileForm::default()
        }
    }

    /// The profile, or `None` with the errors set next to the fields.
    pub fn validate(&mut self, lang: Lang) -> Option<Profile> {
        let t = super::Texts::get(lang);
        self.name_error = self.name.trim().is_empty().then_some(t.name_required);
        self.type_error = self.organisation.is_none().then_some(t.type_required);
        self.size_error = (self.organisation == Some(OrgType::Company) && self.size.is_none())
            .then_some(t.size_is_required);
        if self.name_error.is_some() || self.size_error.is_some() || self.type_error.is_some() {
            return None;
        }
        let place = self.place.trim();
        Some(Profile {
            name: self.name.trim().to_string(),
            organisation: self.organisation?,
            size: self.size,
            place: (!place.is_empty()).then(|| place.to_string()),
            primary_sector: self.primary_sector.clone(),
            other_sectors: self
                .other_sectors
                .iter()
                .filter(|s| Some(*s) != self.primary_sector.as_ref())
                .cloned()
                .collect(),
        })
    }
}

/// A labelled single-line text field; the label names it for screen readers.
fn text_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    error: Option<&str>,
    bad: egui::Color32,
) {
    let label = ui.label(label);
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(value).desired_width(420.0))
            .labelled_by(label.id);
        if let Some(error) = error {
            ui.colored_label(bad, error);
        }
    });
}

pub fn show(app: &mut App, ui: &mut egui::Ui) -> Vec<Action> {
    let t = app.texts();
    let lang = app.lang();
    let tokens = theme::tokens(app.settings.dark);
    let mut actions = Vec::new();
    if !app.profile_form.loaded
        && let Some(session) = &app.session
    {
        app.profile_form =
            ProfileForm::from_profile(&session.assessment.profile, &session.assessment.respondent);
    }
    let sectors: Vec<(String, String, String, Vec<OrgType>)> = app
        .catalogue
        .sectors()
        .map(|m| {
            (
                m.id.clone(),
                m.title.get(lang).to_string(),
                m.summary.get(lang).to_string(),
                m.applies_to.clone(),
            )
        })
        .collect();
    let form = &mut app.profile_form;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(12.0);
            ui.heading(t.profile_title);
            ui.label(t.profile_intro);
            ui.add_space(8.0);
            text_field(ui, t.org_name, &mut form.name, form.name_error, tokens.bad);
            ui.add_space(6.0);

            ui.label(egui::RichText::new(t.org_type).strong());
            if let Some(error) = form.type_error {
                ui.colored_label(tokens.bad, error);
            }
            ui.horizontal_wrapped(|ui| {
                for org in OrgType::ALL {
                    ui.radio_value(&mut form.organisation, Some(org), org.name(lang));
                }
            });
            ui.add_space(6.0);

            let size_label = if form.organisation == Some(OrgType::Company) {
                t.size_required
            } else {
                t.size
            };
            ui.label(egui::RichText::new(size_label).strong());
            if let Some(error) = form.size_error {
                ui.colored_label(tokens.bad, error);
            }
            ui.horizontal_wrapped(|ui| {
                for size in SizeBand::ALL {
                    ui.radio_value(&mut form.size, Some(size), size.name(lang));
                }
            });
            ui.add_space(6.0);
            text_field(ui, t.place, &mut form.place, None, tokens.bad);
            ui.add_space(10.0);

            let fits =
                |applies: &Vec<OrgType>| form.organisation.is_none_or(|o| applies.contains(&o));
            ui.label(theme::subheading(t.primary_sector));
            ui.radio_value(&mut form.primary_sector, None, t.no_sector);
            for (id, title, summary, applies) in &sectors {
                if !fits(applies) {
                    continue;
                }
                ui.radio_value(&mut form.primary_sector, Some(id.clone()), title.as_str());
                ui.indent(id, |ui| ui.colored_label(tokens.text_weak, summary));
            }
            ui.add_space(10.0);
            ui.label(theme::subheading(t.other_sectors));
            for (id, title, summary, applies) in &sectors {
                if !fits(applies) || form.primary_sector.as_ref() == Some(id) {
                    continue;
                }
                let mut selected = form.other_sectors.contains(id);
                if ui.checkbox(&mut selected, title.as_str()).changed() {
                    if selected {
                        form.other_sectors.push(id.clone());
                    } else {
                        form.other_sectors.retain(|s| s != id);
                    }
                }
                ui.indent(("other", id), |ui| {
                    ui.colored_label(tokens.text_weak, summary)
                });
            }
            ui.add_space(10.0);
            text_field(
                ui,
                t.respondent_name,
                &mut form.respondent_name,
                None,
                tokens.bad,
            );
            text_field(
                ui,
                t.respondent_role,
                &mut form.respondent_role,
                None,
                tokens.bad,
            );
            ui.add_space(14.0);
            ui.horizontal(|ui| {
                let label = if form.loaded {
                    t.save_profile
                } else {
                    t.start_questions
                };
                if ui.button(label).clicked() {
                    actions.push(Action::SubmitProfile);
                }
                if ui.button(t.cancel).clicked() {
                    let back = if form.loaded {
                        Page::Section(0)
                    } else {
                        Page::Start
                    };
                    actions.push(Action::Go(back));
                }
            });
            ui.add_space(20.0);
        });
    actions
}
