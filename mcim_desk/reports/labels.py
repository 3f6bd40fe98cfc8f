"""The reports' own words, in English and French, chosen by the report's language.

A report is made in French or English whatever the interface language, often on a worker
thread. Installing a Qt translator for the duration would post a LanguageChange to every
widget (the window would flip language while the report is built) and is not thread-safe,
so the report labels live here as one table keyed by language: the simplest thing that
behaves the same in the GUI, the CLI and the tests. Labels that come from data (questions,
choices, reference lists) carry both languages already.

``label(key, lang, **values)`` formats with ``str.format``; values are plain text (the
builders escape the result before it reaches a Paragraph).
"""

from __future__ import annotations

LANGS = ("fr", "en")
NBSP = "\u00a0"  # no-break space: "15 h 25", "n = 4", "62 min" stay on one line

# key -> (English, French)
LABELS: dict[str, tuple[str, str]] = {
    # --- shared -----------------------------------------------------------------------------
    "page": ("page {page} of {pages}", "page {page} sur {pages}"),
    "generated": ("Generated on {date}", "Généré le {date}"),
    "fictional": ("FICTIONAL DATA — DEMONSTRATION", "DONNÉES FICTIVES — DÉMONSTRATION"),
    "fictional_note": (
        "This database is a demonstration: every response, interview, quote and follow-up in "
        "it is fictional.",
        "Cette base est une démonstration : toutes les réponses, entretiens, citations et "
        "suivis qu’elle contient sont fictifs.",
    ),
    "study": (
        "The role of inter-State consultation mechanisms on migration (ISCMs) in the Global "
        "Compact for Safe, Orderly and Regular Migration",
        "Rôle des mécanismes consultatifs interétatiques sur la migration (MCIM) au regard du "
        "Pacte mondial pour des migrations sûres, ordonnées et régulières",
    ),
    "language_name": ("English", "français"),
    "none": ("—", "—"),
    "yes": ("yes", "oui"),
    "no": ("no", "non"),
    "mechanism": ("Mechanism", "Mécanisme"),
    "mechanisms": ("Mechanisms", "Mécanismes"),
    "type": ("Type", "Type"),
    "region": ("Region", "Région"),
    "total": ("Total", "Total"),
    "question_n": ("Question {number}", "Question {number}"),
    "tag_theme": ("Theme {n}", "Thème {n}"),
    "tag_principle": ("Principle {n}", "Principe {n}"),
    "tag_objective": ("Objective {n}", "Objectif {n}"),
    # --- summary ----------------------------------------------------------------------------
    "summary_title": ("Summary of findings", "Synthèse des résultats"),
    "summary_subject": (
        "Summary of the questionnaire and interview findings",
        "Synthèse des réponses au questionnaire et aux entretiens",
    ),
    "round": ("Survey round: {name}", "Cycle d’enquête : {name}"),
    "no_round": ("Survey round: all responses", "Cycle d’enquête : toutes les réponses"),
    "date_line": ("Date: {date}", "Date : {date}"),
    "language_line": ("Language: {language}", "Langue : {language}"),
    "contents_note": (
        "Every figure is computed from the answers recorded in MCIM Desk; answers that the "
        "questionnaire’s skip logic hides are never counted. A mechanism that answered both "
        "the questionnaire and an interview is counted once.",
        "Chaque figure est calculée à partir des réponses enregistrées dans MCIM Desk ; les "
        "réponses masquées par les filtres du questionnaire ne sont jamais comptées. Un "
        "mécanisme qui a répondu au questionnaire et à un entretien n’est compté qu’une fois.",
    ),
    "overview": ("Overview of responses", "Aperçu des réponses"),
    "stat_questionnaire": ("Answered the questionnaire", "Ont répondu au questionnaire"),
    "stat_interview": ("Gave an interview", "Ont accordé un entretien"),
    "stat_both": ("Both", "Les deux"),
    "stat_any": ("Questionnaire, interview or both", "Questionnaire, entretien ou les deux"),
    "stat_member_states": ("Member States, each counted once", "États membres, chacun compté une fois"),

    "count": ("Count", "Nombre"),
    "questionnaire_from": (
        "Questionnaire answers were received from:",
        "Des réponses au questionnaire ont été reçues des mécanismes suivants :",
    ),
    "interviews_with": ("Interviews were held with:", "Des entretiens téléphoniques ont eu lieu avec :"),
    "nobody_yet": ("No mechanism yet.", "Aucun mécanisme pour l’instant."),
    "by_region": ("Respondents by region and type", "Répondants par région et par type"),
    "responding": ("Responding", "Répondants"),
    "of_total": ("Of", "Sur"),
    "findings": ("Main findings", "Principales conclusions"),
    "figure": ("Figure {number}: {title}", "Figure {number} : {title}"),
    "n_equals": ("n\u00a0=\u00a0{n}", "n\u00a0=\u00a0{n}"),
    "no_answer_yet": (
        "No mechanism has answered this yet.",
        "Aucun mécanisme n’a encore répondu à cette question.",
    ),
    "no_coding_yet": (
        "No answer has been coded yet.",
        "Aucune réponse n’a encore été codée.",
    ),
    "answer": ("Answer", "Réponse"),
    "item": ("Item", "Élément"),
    "category": ("Partner category", "Catégorie de partenaire"),
    "code": ("Code", "Code"),
    "behind_bar": ("Mechanisms", "Mécanismes"),
    "cited_by_none_all": (
        "No item is cited by all the mechanisms that answered.",
        "Aucun élément n’est cité par tous les mécanismes ayant répondu.",
    ),
    "not_cited": ("Not cited: {items}.", "Non cités : {items}."),
    "answered_yes": (
        "Answered (describes an influence)",
        "A répondu (décrit une influence)",
    ),
    "answered_no": ("No answer", "Pas de réponse"),
    "fig_q4": (
        "Mechanisms with an official position on the Global Compact",
        "MCIM ayant adopté une position officielle sur le Pacte mondial",
    ),
    "fig_q13": (
        "The Global Compact as a standing item on the agenda",
        "Le Pacte mondial comme point permanent de l’ordre du jour",
    ),
    "fig_q14": (
        "Has the Global Compact already influenced the mechanism?",
        "Le Pacte mondial a-t-il déjà influencé le mécanisme ?",
    ),
    "fig_q15": (
        "Review of strategies and work against the Compact’s objectives",
        "Bilan des stratégies et travaux au regard des objectifs du Pacte",
    ),
    "fig_q17": (
        "Action plan to achieve the objectives of the Global Compact",
        "Plan d’action pour réaliser les objectifs du Pacte mondial",
    ),
    "fig_q9": (
        "Themes of the Global Compact cited in positions",
        "Thèmes du Pacte mondial cités dans les positions",
    ),
    "fig_q10": (
        "Guiding principles cited in positions",
        "Principes directeurs cités dans les positions",
    ),
    "fig_q11": ("Objectives cited in positions", "Objectifs cités dans les positions"),
    "fig_q25": (
        "Partnerships by partner category",
        "Partenariats par catégorie de partenaire",
    ),
    "fig_q27": (
        "Openness to cooperation with, or expansion to, other actors",
        "Ouverture à une coopération ou à un élargissement",
    ),
    "coded_section": ("Coded free-text answers", "Réponses libres codées"),
    "coded_intro": (
        "Passages of free-text answers were coded with the codebook; each bar counts the "
        "mechanisms with at least one passage carrying the code.",
        "Des passages des réponses libres ont été codés avec la grille de codage ; chaque barre "
        "compte les mécanismes ayant au moins un passage portant ce code.",
    ),
    "coded_q14": (
        "How the Global Compact influenced the mechanisms",
        "Comment le Pacte mondial a influencé les MCIM",
    ),
    "coded_q20": (
        "Means suggested to build member states’ capacities",
        "Moyens suggérés pour renforcer les capacités des États membres",
    ),
    "coded_q21": (
        "Roles in helping member states implement the Compact",
        "Rôles pour aider les États membres à mettre en œuvre le Pacte",
    ),
    "coded_generic": ("Coded answers: {question}", "Réponses codées : {question}"),
    "interview_notes": ("Interview notes", "Notes d’entretien"),
    "quotes_section": ("Selected quotes", "Citations choisies"),
    "quotes_intro": (
        "Quotes cleared for publication, grouped by theme.",
        "Citations autorisées à la publication, regroupées par thème.",
    ),
    "no_quotes": (
        "No quote has been cleared for publication yet.",
        "Aucune citation n’a encore été autorisée à la publication.",
    ),
    "other_quotes": ("Other quotes", "Autres citations"),
    "also_tagged": ("Also: {tags}", "Aussi : {tags}"),
    "from_interview": ("interview of {date}", "entretien du {date}"),
    "from_interview_undated": ("interview", "entretien"),
    "from_questionnaire": ("questionnaire, question {number}", "questionnaire, question {number}"),
    "annex": (
        "Annex: the mechanisms and their response status",
        "Annexe : les mécanismes et l’état de leurs réponses",
    ),
    "questionnaire": ("Questionnaire", "Questionnaire"),
    "interview": ("Interview", "Entretien"),
    "q_validated": ("validated", "validé"),
    "q_complete": ("received, complete", "reçu, complet"),
    "q_draft": ("received, being entered", "reçu, en cours de saisie"),
    "q_sent": ("sent, not received", "envoyé, non reçu"),
    "q_none": ("—", "—"),
    "i_planned": ("planned", "prévu"),
    "i_questions_sent": ("questions sent", "questions envoyées"),
    "i_held": ("held", "tenu"),
    "i_notes_validated": ("notes validated", "notes validées"),
    "i_closed": ("closed", "clos"),
    "i_cancelled": ("cancelled", "annulé"),
    "i_rescheduled": ("rescheduled", "reporté"),
    "type_rcp": ("Regional consultative processes", "Processus consultatifs régionaux"),
    "type_irf": ("Inter-regional forums", "Forums interrégionaux"),
    "type_global": ("Global processes", "Processus mondiaux"),
    # --- profile ----------------------------------------------------------------------------
    "profile_title": ("Mechanism profile: {acronym}", "Profil du mécanisme : {acronym}"),
    "profile_subject": ("Profile of {name}", "Profil de : {name}"),
    "card": ("Card", "Fiche"),
    "name": ("Name", "Nom"),
    "acronym": ("Acronym", "Sigle"),
    "member_states": ("Member States", "États membres"),
    "members_not_recorded": ("not recorded", "non renseignée"),
    "members_source": ("Source: {source}", "Source : {source}"),
    "chair_country": ("Chair", "Présidence"),
    "website": ("Website", "Site web"),
    "notes": ("Notes", "Notes"),
    "contacts": ("Contacts", "Contacts"),
    "role_chair": ("Chair", "Président(e)"),
    "role_secretariat_head": ("Head of secretariat", "Chef(fe) du secrétariat"),
    "role_other": ("Other", "Autre"),
    "contact_columns": ("Role|Name|Title and institution|E-mail, phone", "Rôle|Nom|Titre et institution|Courriel, téléphone"),
    "questionnaire_answers": ("Questionnaire answers", "Réponses au questionnaire"),
    "status_line": ("Status: {status}", "État : {status}"),
    "no_questionnaire": (
        "No questionnaire answer has been recorded.",
        "Aucune réponse au questionnaire n’a été enregistrée.",
    ),
    "not_answered": ("(not answered)", "(sans réponse)"),
    "instance": ("{label} {number}", "{label} {number}"),
    "interviews": ("Interviews", "Entretiens"),
    "no_interviews": ("No interview recorded.", "Aucun entretien enregistré."),
    "interview_heading": ("Interview of {date} ({status})", "Entretien du {date} ({status})"),
    "interview_heading_undated": ("Interview ({status})", "Entretien ({status})"),
    "interviewee": ("Interviewee: {name}", "Personne interrogée : {name}"),
    "consent": ("Consent: {consent}", "Consentement : {consent}"),
    "consent_named": ("may be named", "peut être nommé(e)"),
    "consent_quoted": ("may be quoted, not named", "peut être cité(e) sans être nommé(e)"),
    "consent_neither": ("may be neither named nor quoted", "ni nommé(e) ni cité(e)"),
    "consent_unknown": ("not recorded", "non renseigné"),
    "duration": ("Length: {minutes}\u00a0min", "Durée\u00a0: {minutes}\u00a0min"),
    "guide_answers": ("Interview guide", "Guide d’entretien"),
    "note_label": ("Note: {note}", "Note : {note}"),
    "quotes": ("Quotes", "Citations"),
    "cleared": ("cleared for publication", "autorisée à la publication"),
    "not_cleared": ("not cleared", "non autorisée"),
    "open_followups": ("Open follow-ups", "Suivis en cours"),
    "no_followups": ("No open follow-up.", "Aucun suivi en cours."),
    # --- follow-ups -------------------------------------------------------------------------
    "followups_title": ("Follow-up status", "État des suivis"),
    "followups_subject": ("Overdue and upcoming follow-ups", "Suivis en retard et à venir"),
    "followups_counts": (
        "{overdue} overdue, {today} due today, {upcoming} upcoming, {undated} without a date.",
        "{overdue} en retard, {today} pour aujourd’hui, {upcoming} à venir, {undated} sans date.",
    ),
    "times_in": ("Times are given in {zone}.", "Les heures sont données en heure de {zone}."),
    "owner": ("Owner: {owner}", "Responsable : {owner}"),
    "no_owner": ("(no owner)", "(sans responsable)"),
    "followup_columns": ("Due|State|What|Notes", "Échéance|État|Quoi|Notes"),
    "state_overdue": ("overdue", "en retard"),
    "state_today": ("today", "aujourd’hui"),
    "state_upcoming": ("upcoming", "à venir"),
    "state_undated": ("no date", "sans date"),
    "kind_send_questionnaire": ("Send the questionnaire", "Envoyer le questionnaire"),
    "kind_reminder": ("Reminder", "Relance"),
    "kind_schedule_interview": ("Schedule an interview", "Planifier un entretien"),
    "kind_clarify_answer": ("Clarify an answer", "Clarifier une réponse"),
    "kind_send_notes": ("Send the notes for validation", "Envoyer les notes pour validation"),
    "kind_other": ("Other", "Autre"),
    "about_question": ("about {question}", "à propos de : {question}"),
    # --- blank forms --------------------------------------------------------------------------
    "blank_subject": ("Printable form", "Formulaire imprimable"),
    "blank_questionnaire": ("Questionnaire (blank form)", "Questionnaire (formulaire vierge)"),
    "blank_interview": ("Interview guide (blank form)", "Guide d’entretien (formulaire vierge)"),
    "blank_for": ("Mechanism: ", "Mécanisme : "),
    "tick_one": ("Tick one box.", "Cochez une case."),
    "tick_any": ("Tick all that apply.", "Cochez toutes les cases qui conviennent."),
    "attach_file_pdf": ("Send the file with this PDF when you return it.",
                        "Envoyez le fichier avec ce PDF quand vous le renvoyez."),
    "attach_file": ("Send the file with the questionnaire (name it here):",
                    "Envoyez le fichier avec le questionnaire (indiquez son nom ici) :"),
    "required": ("(required)", "(obligatoire)"),
    "only_if": ("Answer only if {condition}.", "Répondez uniquement si {condition}."),
    "cond_is": ("the answer to {question} is {values}", "la réponse à la {question} est {values}"),
    "cond_is_not": (
        "the answer to {question} is not {values}",
        "la réponse à la {question} n’est pas {values}",
    ),
    "cond_selected": ("{values} is ticked at {question}", "{values} est coché à la {question}"),
    "cond_expression": ("this condition holds: {expression}", "cette condition est remplie : {expression}"),
    "or": (" or ", " ou "),
    "and": (" and ", " et "),
    "date_format": ("Date (YYYY-MM-DD):", "Date (AAAA-MM-JJ) :"),
    "number_prompt": ("Number:", "Nombre :"),
    "repeat_rows": (
        "One line per partner category that applies.",
        "Une ligne par catégorie de partenaire pertinente.",
    ),
    "repeat_block": ("{label} — entry {number}", "{label} — entrée {number}"),
}


# Labels where a count meets a noun: key -> (the value that counts, (English one, other),
# (French one, other)). French takes the singular for 0 and 1, English for 1 only.
PLURALS: dict[str, tuple[str, tuple[str, str], tuple[str, str]]] = {
    "overview_total": (
        "total",
        ("In total, {total} of {all} mechanisms answered the questionnaire, gave an interview "
         "or both.",
         "In total, {total} of {all} mechanisms answered the questionnaire, gave an interview "
         "or both."),
        ("Au total, {total} des {all} MCIM a répondu au questionnaire, à l’entretien "
         "téléphonique ou aux deux.",
         "Au total, {total} des {all} MCIM ont répondu au questionnaire, à l’entretien "
         "téléphonique ou aux deux."),
    ),
    "overview_states": (
        "count",
        ("{subject} {count} member State.", "{subject} {count} member States, each counted once."),
        ("{subject} {count} État membre.", "{subject} {count} États membres, chacun compté une fois."),
    ),
    "overview_states_unknown": (
        "count",
        ("{subject} at least {count} member State; membership not recorded for: {missing}.",
         "{subject} at least {count} member States, each counted once; membership not recorded "
         "for: {missing}."),
        ("{subject} au moins {count} État membre ; composition non renseignée pour : {missing}.",
         "{subject} au moins {count} États membres, chacun compté une fois ; composition non "
         "renseignée pour : {missing}."),
    ),
    "they_represent": (
        "n",
        ("It represents", "They represent"),
        ("Il représente", "Ils représentent"),
    ),
    "n_answered": (
        "n",
        ("n\u00a0=\u00a0{n} mechanism that answered the question", "n\u00a0=\u00a0{n} mechanisms that answered the question"),
        ("n\u00a0=\u00a0{n} mécanisme ayant répondu à la question", "n\u00a0=\u00a0{n} mécanismes ayant répondu à la question"),
    ),
    "n_respondents": (
        "n",
        ("n\u00a0=\u00a0{n} mechanism that answered the questionnaire",
         "n\u00a0=\u00a0{n} mechanisms that answered the questionnaire"),
        ("n\u00a0=\u00a0{n} mécanisme ayant répondu au questionnaire",
         "n\u00a0=\u00a0{n} mécanismes ayant répondu au questionnaire"),
    ),
    "n_partners": (
        "n",
        ("n\u00a0=\u00a0{n} mechanism that reported partnerships", "n\u00a0=\u00a0{n} mechanisms that reported partnerships"),
        ("n\u00a0=\u00a0{n} mécanisme ayant signalé des partenariats",
         "n\u00a0=\u00a0{n} mécanismes ayant signalé des partenariats"),
    ),
    "n_coded": (
        "n",
        ("n\u00a0=\u00a0{n} mechanism whose answers were coded", "n\u00a0=\u00a0{n} mechanisms whose answers were coded"),
        ("n\u00a0=\u00a0{n} mécanisme dont les réponses ont été codées",
         "n\u00a0=\u00a0{n} mécanismes dont les réponses ont été codées"),
    ),
    "cited_by_all": (
        "n",
        ("Cited by the one mechanism that answered:", "Cited by all {n} mechanisms that answered:"),
        ("Cités par le seul mécanisme ayant répondu :", "Cités par les {n} mécanismes ayant répondu :"),
    ),
    "stat_member_states_at_least": (
        "n",
        ("Member States at least (membership unknown for {n} mechanism)",
         "Member States at least (membership unknown for {n} mechanisms)"),
        ("États membres au moins (composition inconnue pour {n} mécanisme)",
         "États membres au moins (composition inconnue pour {n} mécanismes)"),
    ),
    "members_count": (
        "n",
        ("{n} State", "{n} States"),
        ("{n} État", "{n} États"),
    ),
}


def plural_index(n: object, lang: str) -> int:
    """0 for the singular form, 1 for the plural (CLDR: French "one" is 0 and 1)."""
    try:
        count = abs(int(n))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 1
    return 0 if count == 1 or (lang == "fr" and count == 0) else 1


def label(key: str, lang: str, **values: object) -> str:
    """The label ``key`` in ``lang`` ('fr' or 'en'), formatted with ``values``; a label in
    PLURALS agrees with its count (singular or plural)."""
    if key in PLURALS:
        counted, en_forms, fr_forms = PLURALS[key]
        forms = fr_forms if lang == "fr" else en_forms
        text = forms[plural_index(values.get(counted), lang)]
    else:
        en, fr = LABELS[key]
        text = fr if lang == "fr" else en
    return text.format(**values) if values else text


def acronym_and_name(acronym: str, name: str) -> str:
    """"SACM — Conférence sud-américaine sur les migrations"; the name alone when it holds
    the acronym already ("Conférence régionale sur la migration (Processus de Puebla)")."""
    if not acronym or acronym.casefold() in name.casefold():
        return name or acronym
    return f"{acronym} — {name}"


def columns(key: str, lang: str) -> list[str]:
    """A '|'-separated list of column headings."""
    return label(key, lang).split("|")


MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}


def long_date(value: object, lang: str) -> str:
    """26 November 2026 / 26 novembre 2026 (1er for the first of the month in French)."""
    day = value.day  # type: ignore[attr-defined]
    month = MONTHS["fr" if lang == "fr" else "en"][value.month - 1]  # type: ignore[attr-defined]
    # No-break spaces: a date, like a time or "n = 4", never breaks across two lines.
    if lang == "fr":
        return f"{'1er' if day == 1 else day}{NBSP}{month}{NBSP}{value.year}"  # type: ignore[attr-defined]
    return f"{day}{NBSP}{month}{NBSP}{value.year}"  # type: ignore[attr-defined]


def date_time(value: object, lang: str) -> str:
    """26 November 2026, 16:05 / 26 novembre 2026, 16 h 05."""
    text = long_date(value, lang)
    hour, minute = value.hour, value.minute  # type: ignore[attr-defined]
    if lang == "fr":
        return f"{text}, {hour}{NBSP}h{NBSP}{minute:02d}"
    return f"{text}, {hour:02d}:{minute:02d}"


__all__ = ["LABELS", "LANGS", "NBSP", "PLURALS", "acronym_and_name", "plural_index", "columns", "date_time", "label", "long_date"]
