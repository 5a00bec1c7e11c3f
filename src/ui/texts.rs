//! Every string the app shows that does not come from a questionnaire, in
//! Swedish and English. One struct, two instances: a text missing in one
//! language is a compile error, not a blank label.

text_table! {
    app_name: "AI-redo", "AI-redo";
    tagline: "Hur redo är er organisation att använda AI? Svara på frågorna, få en mognadsnivå och konkreta nästa steg. Allt stannar på den här datorn.",
        "How ready is your organisation to use AI? Answer the questions, get a maturity level and concrete next steps. Everything stays on this computer.";
    language: "Språk", "Language";
    dark_theme: "Mörkt tema", "Dark theme";
    light_theme: "Ljust tema", "Light theme";
    home: "Start", "Home";
    new_assessment: "Ny bedömning", "New assessment";
    open_file: "Öppna fil…", "Open file…";
    import_file: "Importera…", "Import…";
    recent: "Senaste bedömningar", "Recent assessments";
    no_recent: "Inga bedömningar ännu. Börja med en ny bedömning.", "No assessments yet. Start with a new assessment.";
    open: "Öppna", "Open";
    updated: "Uppdaterad", "Updated";
    answered_of: "besvarade", "answered";
    level: "Nivå", "Level";
    not_scored_yet: "inte bedömd än", "not scored yet";
    problems_notice: "Några frågeformulärsfiler kunde inte läsas. Övriga formulär fungerar som vanligt.",
        "Some questionnaire files could not be read. The other questionnaires work as usual.";
    show_problems: "Visa problem", "Show problems";
    hide_problems: "Dölj problem", "Hide problems";
    reload: "Läs in igen", "Reload";
    moved_aside: "Några bedömningsfiler kunde inte öppnas. Ingen av dem har ändrats eller raderats:",
        "Some assessment files could not be opened. None of them was changed or deleted:";
    file_unreadable: "Filen kunde inte läsas", "The file could not be read";
    file_empty: "Filen är tom.", "The file is empty.";
    file_damaged: "Filen är skadad eller är ingen bedömningsfil (fel på rad {line}, kolumn {col}).",
        "The file is damaged or is not an assessment file (error at line {line}, column {col}).";
    file_newer: "Filen är sparad av en nyare version av AI-redo (filformat {found}; den här versionen läser format {current}). Uppdatera AI-redo för att öppna den.",
        "The file was saved by a newer version of AI-redo (file format {found}; this version reads format {current}). Update AI-redo to open it.";
    file_unknown_format: "Filformatet {found} är okänt för den här versionen av AI-redo, som läser format {current}.",
        "File format {found} is unknown to this version of AI-redo, which reads format {current}.";
    file_unknown_questionnaire: "Bedömningen besvarar frågeformuläret {ids}, som inte finns på den här datorn. Lägg formulärfilen i mappen {folder} och öppna bedömningen igen.",
        "The assessment answers the questionnaire {ids}, which is not on this computer. Put the questionnaire file in the folder {folder} and open the assessment again.";
    moved_to: "Filen flyttades oförändrad till {path}.", "The file was moved, unchanged, to {path}.";
    author_title: "Förhandsgranskning för författare", "Author preview";
    author_loads: "Sparar du filen läses den in igen inom en sekund; svaren behålls där frågorna finns kvar. Inläsningar hittills: {n}.",
        "Save the file and it is read again within a second; answers are kept where their questions still exist. Loads so far: {n}.";
    author_last_good: "Filen på disk har fel. Den senaste versionen utan fel visas tills felen är rättade.",
        "The file on disk has errors. The last version without errors is shown until they are fixed.";
    author_no_problems: "Inga problem i filerna.", "No problems in the files.";
    author_problems: "Problem i filerna ({n})", "Problems in the files ({n})";
    author_nothing_loads: "Ingen version av filerna har gått att läsa in än. Rätta felen ovan och spara.",
        "No version of the files has loaded yet. Fix the errors above and save.";
    author_scores: "Poäng per dimension just nu", "Scores per dimension now";
    author_fired: "Rekommendationer som utlöses ({n})", "Recommendations that fire ({n})";
    author_because: "eftersom", "because";
    author_hidden: "Dolda frågor ({n})", "Hidden questions ({n})";
    author_hidden_by_question: "visas bara om", "shown only if";
    author_hidden_by_section: "avsnittet visas bara om", "its section is shown only if";
    profile_title: "Om organisationen", "About the organisation";
    profile_intro: "Uppgifterna avgör vilka frågor ni får. Fält markerade med * måste fyllas i.",
        "These details decide which questions you get. Fields marked * are required.";
    org_name: "Organisationens namn *", "Name of the organisation *";
    org_type: "Typ av organisation *", "Type of organisation *";
    size: "Storlek (antal anställda)", "Size (number of employees)";
    size_required: "Storlek (antal anställda) *", "Size (number of employees) *";
    place: "Kommun eller region", "Municipality or region";
    primary_sector: "Huvudsaklig sektor", "Main sector";
    no_sector: "Ingen särskild sektor (bara grundfrågorna)", "No particular sector (core questions only)";
    other_sectors: "Fler sektorsmoduler (valfritt)", "More sector modules (optional)";
    respondent_name: "Ditt namn", "Your name";
    respondent_role: "Din roll", "Your role";
    start_questions: "Börja svara", "Start answering";
    save_profile: "Spara och fortsätt", "Save and continue";
    cancel: "Avbryt", "Cancel";
    name_required: "Skriv organisationens namn.", "Enter the organisation's name.";
    size_is_required: "Välj en storlek.", "Choose a size.";
    type_required: "Välj typ av organisation.", "Choose the type of organisation.";
    section_of: "Avsnitt", "Section";
    of: "av", "of";
    questions_answered: "frågor besvarade", "questions answered";
    what_it_means: "Vad betyder det?", "What does it mean?";
    source: "Källa", "Source";
    section_ref: "avsnitt", "section";
    dont_know: "Vet inte", "Don't know";
    not_applicable: "Ej tillämpligt", "Not applicable";
    yes: "Ja", "Yes";
    no: "Nej", "No";
    your_answer: "Ditt svar", "Your answer";
    notes: "Anteckningar för avsnittet", "Notes for this section";
    back: "Tillbaka", "Back";
    next: "Nästa", "Next";
    to_results: "Visa resultat", "See results";
    next_unanswered: "Nästa obesvarade fråga", "Next unanswered question";
    all_answered: "Alla frågor är besvarade.", "All questions are answered.";
    edit_profile: "Ändra uppgifter", "Edit details";
    sections: "Avsnitt", "Sections";
    results: "Resultat", "Results";
    saved: "Alla svar är sparade", "All answers are saved";
    save_failed: "Kunde inte spara", "Could not save";
    overall: "Sammantaget", "Overall";
    level_of_5: "av 5", "of 5";
    score: "poäng", "points";
    dimensions: "Dimensioner", "Dimensions";
    radar_title: "Profil över de sex dimensionerna", "Profile across the six dimensions";
    why: "Varför blev det så?", "Why this score?";
    raised_most: "Drog upp mest", "Raised it most";
    lowered_most: "Drog ned mest", "Lowered it most";
    dont_know_count: "svar \u{201d}vet inte\u{201d}", "\u{201c}don't know\u{201d} answers";
    nothing_answered: "Inget besvarat ännu", "Nothing answered yet";
    recommendations: "Rekommendationer", "Recommendations";
    first_steps: "Första stegen", "First steps";
    who_can_help: "Vem kan hjälpa", "Who can help";
    no_recommendations: "Inga rekommendationer utlöses av svaren ännu.", "No recommendations are triggered by the answers yet.";
    comparison: "Jämfört med förra bedömningen", "Compared with the previous assessment";
    timeline: "Utveckling över tid", "Progress over time";
    peers: "Jämfört med organisationer som er", "Compared with organisations like you";
    peers_intro: "Ur en anonymiserad sammanställning: {group}. Mittenhälften är spannet där hälften av dem ligger.",
        "From an anonymised summary: {group}. The middle half is the range where half of them lie.";
    peers_line: "Organisationer som er: median {median}, mittenhälften {q1}–{q3} ({n} st)",
        "Organisations like you: median {median}, middle half {q1}–{q3} ({n})";
    peers_none: "Sammanställningen har inga siffror för en grupp som er (grupper med färre än fem organisationer visas inte).",
        "The summary has no figures for a group like you (groups of fewer than five organisations are not shown).";
    standing_low: "bland den lägsta fjärdedelen", "among the lowest quarter";
    standing_middle: "i mittenhälften", "in the middle half";
    standing_high: "bland den högsta fjärdedelen", "among the highest quarter";
    load_benchmark: "Jämför med en sammanställning…", "Compare with a summary…";
    forget_benchmark: "Sluta jämföra", "Stop comparing";
    benchmark_failed: "Sammanställningen kunde inte läsas", "The summary could not be read";
    timeline_intro: "Alla sparade bedömningar av organisationen, poängsatta med dagens frågeformulär så att de går att jämföra.",
        "Every saved assessment of the organisation, scored with today's questionnaires so they can be compared.";
    before: "Före", "Before";
    after: "Nu", "Now";
    change: "Förändring", "Change";
    export: "Exportera", "Export";
    save_copy: "Spara en kopia av bedömningen…", "Save a copy of the assessment…";
    export_csv: "Exportera svaren som CSV…", "Export the answers as CSV…";
    export_pdf: "Exportera PDF-rapporten…", "Export the PDF report…";
    making_pdf: "Skapar PDF-rapporten…", "Making the PDF report…";
    pdf_saved: "PDF-rapporten sparades i", "The PDF report was saved to";
    pages: "sidor", "pages";
    report_file_suffix: "ai-rapport", "ai-report";
    answers_file_suffix: "svar", "answers";
    or_type_path: "Eller skriv en sökväg:", "Or type a path:";
    path: "Sökväg", "Path";
    no_dialog: "Ingen fildialog kunde visas. Skriv en sökväg i fältet i stället.", "No file dialog could be shown. Type a path in the field instead.";
    exported_to: "Sparat till", "Saved to";
    export_failed: "Kunde inte spara filen", "Could not save the file";
    open_failed: "Kunde inte öppna", "Could not open";
    resume: "Fortsätt", "Continue";
    close_assessment: "Stäng bedömningen", "Close the assessment";
    offline_note: "Inget lämnar datorn: AI-redo använder inget nätverk.", "Nothing leaves the computer: AI-redo uses no network.";
}

pub use crate::wording::score_text;
