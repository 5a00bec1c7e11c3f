//! The report's own words, in Swedish and English. One struct, two
//! instances: a text missing in one language is a compile error.
//!
//! Sentences that carry numbers are built in `content.rs`, per language,
//! because Swedish and English order them differently.

text_table! {
    kicker: "AI-redo · självskattning", "AI-redo · self-assessment";
    title: "Rapport om AI-mognad", "AI readiness report";
    organisation_type: "Typ av organisation", "Type of organisation";
    size: "Storlek", "Size";
    place: "Kommun eller region", "Municipality or region";
    sectors: "Sektorer", "Sectors";
    no_sector: "Ingen sektormodul, bara grundfrågorna", "No sector module, core questions only";
    date: "Datum", "Date";
    respondent: "Besvarad av", "Answered by";
    not_given: "Inte angivet", "Not given";
    overall_level: "Samlad mognadsnivå", "Overall maturity level";
    level: "Nivå", "Level";
    level_lower: "nivå", "level";
    of: "av", "of";
    points_of_100: "poäng av 100", "points out of 100";
    points: "poäng", "points";
    questions_answered: "frågor besvarade", "questions answered";
    not_scored: "Inte bedömd än: inga besvarade frågor.", "Not scored yet: no questions answered.";
    cover_basis: "Frågorna och rekommendationerna bygger på Europeiska kommissionens strategi för AI-tillämpningar (COM(2025) 723 final) och på svenska regionala förutsättningar.",
        "The questions and recommendations are based on the European Commission's Apply AI Strategy (COM(2025) 723 final) and on Swedish regional conditions.";
    cover_privacy: "Rapporten är gjord med AI-redo på den egna datorn. Inga svar har lämnat den.",
        "This report was made with AI-redo on the organisation's own computer. No answers have left it.";
    page: "Sida", "Page";
    contents: "Innehåll", "Contents";

    summary: "Sammanfattning", "Summary";
    results: "Resultat per dimension", "Results by dimension";
    radar_caption: "Poäng per dimension från 0 till 100. Ringarna markerar gränserna mellan mognadsnivåerna; staplarna har nivåns färg.",
        "Score per dimension from 0 to 100. The rings mark the boundaries between maturity levels; the bars take the level's colour.";
    dimension: "Dimension", "Dimension";
    score: "Poäng", "Score";

    first_steps: "Första stegen", "First steps";
    first_steps_intro: "De rekommendationer som ger mest just nu, i prioritetsordning. Alla rekommendationer finns också under sin dimension längre fram, där de första stegen är markerade.",
        "The recommendations that matter most right now, in order of priority. Every recommendation is also listed under its dimension further on, with the first steps marked.";
    when: "När", "When";
    who_can_help: "Vem kan hjälpa", "Who can help";
    source: "Källa", "Source";
    section: "avsnitt", "section";
    no_recommendations: "Inga rekommendationer utlöstes av svaren.", "The answers triggered no recommendations.";
    contacts: "Vem kan hjälpa er", "Who can help you";
    contacts_intro: "Stödfunktioner och initiativ som rekommendationerna hänvisar till. Beskrivningarna bygger på kommissionens strategi.",
        "Support services and initiatives the recommendations refer to. The descriptions are based on the Commission's strategy.";

    dimensions: "Dimensionerna en och en", "The dimensions one by one";
    what_it_covers: "Vad dimensionen omfattar", "What the dimension covers";
    level_means: "Vad nivån innebär", "What the level means";
    raised_most: "Det som höjde poängen mest", "What raised the score most";
    lowered_most: "Det som drog ned poängen mest", "What lowered the score most";
    nothing_raised: "Inget svar gav poäng i den här dimensionen ännu.", "No answer earned points in this dimension yet.";
    nothing_lowered: "Alla besvarade frågor gav full poäng.", "Every answered question earned full points.";
    recommendations: "Rekommendationer", "Recommendations";
    no_dimension_recommendations: "Inga rekommendationer i den här dimensionen just nu.", "No recommendations in this dimension right now.";
    answer: "Svar", "Answer";
    dont_know: "vet inte", "don't know";
    first_step_mark: "första steg", "first step";

    sector_part: "Er sektor i EU:s strategi", "Your sector in the EU strategy";
    sector_intro: "Strategin pekar ut flaggskeppsinitiativ per sektor. Här är de som gäller de sektorer ni valde, och vad de kan ge er.",
        "The strategy names flagship actions for each sector. Here are those for the sectors you chose, and what they can offer you.";
    flagships: "Vad kommissionens initiativ erbjuder", "What the Commission's actions offer";
    sector_recommendations: "Rekommendationer från sektorsfrågorna", "Recommendations from the sector questions";
    no_sector_recommendations: "Svaren på sektorsfrågorna utlöste inga rekommendationer.", "The answers to the sector questions triggered no recommendations.";

    comparison: "Jämförelse med föregående bedömning", "Comparison with the previous assessment";
    peers: "Jämfört med organisationer som er", "Compared with organisations like you";
    peers_intro: "Tabellen ställer era poäng bredvid {group}, ur en anonymiserad sammanställning. Mittenhälften är spannet där hälften av organisationerna ligger; en fjärdedel ligger under och en fjärdedel över.",
        "The table sets your scores beside {group}, from an anonymised summary. The middle half is the range where half of the organisations lie; a quarter lie below it and a quarter above.";
    spread: "Där svaren skiljer sig", "Where the answers differ";
    spread_intro: "Bedömningen sammanställer svar från {n} personer. För varje fråga räknas medianen av deras svar; här är frågorna där de svarade längst ifrån varandra. Skillnaderna är ett resultat i sig: de visar var organisationen inte har en gemensam bild.",
        "The assessment combines the answers of {n} people. Each question counts the median of their answers; here are the questions where they answered furthest apart. The differences are a finding in themselves: they show where the organisation does not share one picture.";
    spread_respondents: "Var och ens egen sammantagna poäng:", "Each person's own overall score:";
    spread_none: "Ingen fråga fick svar som skilde sig ett helt steg eller mer.", "No question had answers a whole step or more apart.";
    spread_question: "Fråga", "Question";
    spread_lowest: "Lägst", "Lowest";
    spread_median: "Median", "Median";
    spread_highest: "Högst", "Highest";
    spread_note: "Svaren räknas som poäng 0–4 per fråga; \"vet inte\" är inte med i spannet.",
        "Answers count as points 0–4 per question; \"don't know\" is not in the range.";
    peers_you: "Ni", "You";
    peers_median: "Median", "Median";
    peers_middle: "Mittenhälften", "Middle half";
    peers_n: "Antal", "Count";
    peers_note: "Sammanställningen innehåller inga namn eller fritextsvar, och grupper med färre än fem organisationer visas inte.",
        "The summary holds no names or free-text answers, and groups of fewer than five organisations are not shown.";
    before: "Före", "Before";
    after: "Nu", "Now";
    change: "Förändring", "Change";
    overall: "Sammantaget", "Overall";
    new_recommendations: "Nya rekommendationer sedan förra gången", "New recommendations since last time";
    resolved_recommendations: "Rekommendationer som inte längre gäller", "Recommendations that no longer apply";

    appendix: "Bilaga: frågor och svar", "Appendix: questions and answers";
    appendix_intro: "Alla frågor som visades, med svaren och anteckningarna. Poängen anges från 0 till 4; frågor utan poäng påverkar inte resultatet.",
        "Every question that was shown, with the answers and the notes. Points run from 0 to 4; questions without points do not affect the results.";
    not_answered: "Inte besvarad", "Not answered";
    not_applicable_note: "räknas inte", "not counted";
    note: "Anteckning", "Note";
    hidden_questions: "Följdfrågor som inte visades utifrån svaren", "Follow-up questions not shown because of the answers";
    set_aside: "Svar som lagts åt sidan eftersom frågeformuläret har ändrats", "Answers set aside because the questionnaire has changed";
    missing_modules: "Moduler som inte kunde läsas in", "Modules that could not be loaded";

    methodology: "Så beräknas resultatet", "How the results are computed";
    method_answers: "Varje fråga med poäng har svar värda 0 till 4 poäng; frågeformulärsfilen anger hur mycket varje svar är värt. ”Vet inte” räknas som frågans lägsta svar, eftersom att inte veta också säger något om var man står. ”Ej tillämpligt”, obesvarade frågor och följdfrågor som inte visas räknas inte alls.",
        "Each scored question has answers worth 0 to 4 points; the questionnaire file states what each answer is worth. \"Don't know\" counts as the question's lowest answer, because not knowing also says something about where you stand. \"Not applicable\", unanswered questions and follow-up questions that are not shown are left out entirely.";
    method_dimensions: "En dimensions poäng är ett viktat medelvärde av dess besvarade frågor, omräknat till 0–100: summan av vikt × (poäng ÷ 4) delat med summan av vikterna. Varje svar har alltså en andel av dimensionen; det som höjde och drog ned poängen mest visas under varje dimension.",
        "A dimension's score is the weighted mean of its answered questions, scaled to 0–100: the sum of weight × (points ÷ 4) divided by the sum of the weights. Every answer therefore has a share of the dimension; what raised and lowered the score most is shown under each dimension.";
    method_overall: "Den samlade poängen är det viktade medelvärdet av de dimensioner som har poäng. Både dimensionerna och den samlade poängen får en mognadsnivå enligt tabellen nedan.",
        "The overall score is the weighted mean of the dimensions that have a score. The dimensions and the overall score each get a maturity level from the table below.";
    method_recommendations: "Varje rekommendation har ett villkor, till exempel ett visst svar, en dimension under en viss poäng eller en viss typ av organisation. De vars villkor uppfylls rangordnas efter prioritet, sedan efter hur nära dimensionen är nästa nivå och sedan efter hur tungt de frågor väger som villkoret bygger på. De främsta är de första stegen.",
        "Each recommendation has a condition, for example a particular answer, a dimension below a certain score or a particular type of organisation. Those whose conditions hold are ranked by priority, then by how close their dimension is to the next level, then by the weight of the questions the condition rests on. The top ones are the first steps.";
    method_transparency: "Metoden beskrivs i sin helhet i filen docs/scoring.md som följer med AI-redo, med ett räknat exempel. Samma svar ger alltid samma resultat.",
        "The method is described in full, with a worked example, in the file docs/scoring.md that comes with AI-redo. The same answers always give the same results.";
    levels_table: "Mognadsnivåer", "Maturity levels";
    name: "Namn", "Name";
    scores: "Poäng", "Scores";
    meaning: "Vad nivån innebär", "What the level means";
    weights_table: "Dimensionernas vikt och underlag", "The dimensions' weights and basis";
    weight: "Vikt", "Weight";
    answered: "Besvarade", "Answered";

    sources: "Källor", "Sources";
    sources_intro: "Rapportens frågor, rekommendationer och kontaktpunkter hänvisar till dessa avsnitt i Europeiska kommissionens meddelande Strategi för AI-tillämpningar:",
        "The report's questions, recommendations and contact points refer to these sections of the European Commission's communication on the Apply AI Strategy:";
    document: "Europeiska kommissionen, Strategi för AI-tillämpningar, COM(2025) 723 final, 8 oktober 2025.", "European Commission, Apply AI Strategy, COM(2025) 723 final, 8 October 2025.";
}
