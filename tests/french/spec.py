"""Two French progress reports written by a French-speaking analyst, in styles the
bundled seeds do not use, with what a careful reader extracts from each item.

`build.py` renders them (HTML -> Chromium PDF; HTML -> pandoc Word -> LibreOffice PDF;
converted text) and writes the gold (tests/fixtures/<name>.events.jsonl).

An item is `(text, gold)`: `text` is HTML as it stands in the Progress cell; `gold` is
`(title, iso3, city, start, end, kind, event_type)` plus optional `accept` (other values
a careful reader could defend).  A region sub-heading is `REGION("...")`.  Dates are ISO
at the precision the text states (`2017-03` for a month, `2017` for a year).
"""

# ruff: noqa: E501 - one item and its gold per line pair reads best as a table

from __future__ import annotations

from dataclasses import dataclass, field

NBSP = "\u00a0"


@dataclass(frozen=True)
class Region:
    text: str


def REGION(text: str) -> Region:  # noqa: N802 - reads like a marker in the tables below
    return Region(text)


@dataclass
class Action:
    no: str
    text: str
    body: str
    timeframe: str
    items: list
    remarks: str = ""


@dataclass
class Report:
    name: str
    cover: list[str]
    title: str
    columns: list[str]
    sections: list[tuple[str, list[Action]]]
    notes: list[str] = field(default_factory=list)


def G(title, iso3=None, city=None, start=None, end=None, /, kind="event", event_type="other", **accept):  # noqa: N802
    """Gold of one item; `accept` keys (title, city, start_date, ...) list other defensible values."""
    return {
        "title": title,
        "country_iso3": iso3,
        "city": city,
        "start_date": start,
        "end_date": end if end is not None else start,
        "kind": kind,
        "event_type": event_type,
        "accept": accept,
    }


# --- Report A: enforcement committee, columns N° | Mesure | Organe(s) | Échéance | État / Observations

CLF = Report(
    name="fr_clf_2017",
    cover=[
        "ORGANISATION MONDIALE DES DOUANES",
        "COMITÉ DE LA LUTTE CONTRE LA FRAUDE",
        "- 38e session -",
        "Bruxelles, le 6 novembre 2017.",
    ],
    title="RAPPORT SUR L’ÉTAT D’AVANCEMENT DU PLAN D’ACTION DU COMITÉ DE LA LUTTE CONTRE LA FRAUDE "
    "(situation au 31 octobre 2017)",
    columns=["N°", "Mesure", "Organe(s) responsable(s)", "Échéance", "État d’avancement / Observations"],
    sections=[
        (
            "I. RENSEIGNEMENT ET GESTION DES RISQUES",
            [
                Action(
                    "1",
                    "Renforcer les capacités des Membres en matière d’analyse du renseignement",
                    "Secrétariat de l’OMD ; BRLR",
                    "Activité permanente",
                    [
                        (
                            "Atelier régional sur l’analyse du renseignement (Abidjan, Côte d’Ivoire, du 3 au 5 mars 2016)",
                            G(
                                "Atelier régional sur l’analyse du renseignement",
                                "CIV",
                                "Abidjan",
                                "2016-03-03",
                                "2016-03-05",
                                event_type="workshop",
                            ),
                        ),
                        (
                            "Atelier national sur le ciblage des conteneurs (Lomé, Togo, 1er-3 octobre 2017)",
                            G(
                                "Atelier national sur le ciblage des conteneurs",
                                "TGO",
                                "Lomé",
                                "2017-10-01",
                                "2017-10-03",
                                event_type="workshop",
                            ),
                        ),
                        (
                            "Séminaire sous-régional sur la gestion des risques à Abidjan (Côte d’Ivoire), les 12 et 13 mai 2016",
                            G(
                                "Séminaire sous-régional sur la gestion des risques",
                                "CIV",
                                "Abidjan",
                                "2016-05-12",
                                "2016-05-13",
                                event_type="seminar",
                            ),
                        ),
                        (
                            "Mission de diagnostic en République démocratique du Congo (mars-avril 2017)",
                            G(
                                "Mission de diagnostic en République démocratique du Congo",
                                "COD",
                                None,
                                "2017-03",
                                "2017-04",
                                event_type="mission",
                                title=["Mission de diagnostic"],
                            ),
                        ),
                        (
                            "Formation de formateurs en analyse du renseignement – Siège de l’OMD, Bruxelles, lundi 6 juin 2016",
                            G(
                                "Formation de formateurs en analyse du renseignement",
                                "BEL",
                                "Brussels",
                                "2016-06-06",
                                event_type="training",
                            ),
                        ),
                    ],
                ),
                Action(
                    "2",
                    "Élaborer un module de formation en ligne sur le ciblage",
                    "Secrétariat de l’OMD",
                    "2e trimestre 2017",
                    [
                        (
                            "Le projet de module a été présenté au Groupe d’experts le 12 mai 2016.",
                            G(
                                "Le projet de module a été présenté au Groupe d’experts le 12 mai 2016.",
                                None,
                                None,
                                "2016-05-12",
                                kind="development",
                            ),
                        ),
                        (
                            "Réunion de validation du module par visioconférence (fin septembre 2016)",
                            G(
                                "Réunion de validation du module",
                                None,
                                None,
                                "2016-09",
                                event_type="meeting",
                                title=["Réunion de validation du module par visioconférence"],
                            ),
                        ),
                        (
                            "Mise en ligne du module sur la plateforme CLiKC! prévue courant 2017",
                            G(
                                "Mise en ligne du module sur la plateforme CLiKC! prévue courant 2017",
                                None,
                                None,
                                "2017",
                                kind="development",
                                title=["Mise en ligne du module sur la plateforme CLiKC! prévue"],
                            ),
                        ),
                    ],
                ),
                Action(
                    "3",
                    "Organiser des opérations conjointes de contrôle",
                    "Membres ; Secrétariat de l’OMD",
                    "Décembre 2017",
                    [
                        REGION("Afrique occidentale et centrale :"),
                        (
                            "Opération conjointe « Wacari » de lutte contre le trafic de cigarettes (Dakar, Sénégal, semaine du 6 juin 2016)",
                            G(
                                "Opération conjointe « Wacari » de lutte contre le trafic de cigarettes",
                                "SEN",
                                "Dakar",
                                "2016-06-06",
                                "2016-06-12",
                                end_date=["2016-06-06", "2016-06-10"],
                            ),
                        ),
                        (
                            "Réunion de planification de l’opération, à Niamey (Niger), le 14 avril 2016",
                            G(
                                "Réunion de planification de l’opération",
                                "NER",
                                "Niamey",
                                "2016-04-14",
                                event_type="meeting",
                            ),
                        ),
                        REGION("Région Asie/Pacifique"),
                        (
                            "Réunion de bilan de l’opération « Mékong » (Bangkok, Thaïlande, 21-22 novembre 2016)",
                            G(
                                "Réunion de bilan de l’opération « Mékong »",
                                "THA",
                                "Bangkok",
                                "2016-11-21",
                                "2016-11-22",
                                event_type="meeting",
                            ),
                        ),
                        (
                            "Atelier de préparation de l’opération (en ligne, 28 février 2017)",
                            G(
                                "Atelier de préparation de l’opération",
                                None,
                                None,
                                "2017-02-28",
                                event_type="workshop",
                            ),
                        ),
                        REGION("Moyen-Orient et Afrique du Nord :"),
                        (
                            "Opération conjointe de contrôle des conteneurs aux Émirats arabes unis (du 3 au 14 octobre 2016)",
                            G(
                                "Opération conjointe de contrôle des conteneurs aux Émirats arabes unis",
                                "ARE",
                                None,
                                "2016-10-03",
                                "2016-10-14",
                                title=["Opération conjointe de contrôle des conteneurs"],
                            ),
                        ),
                    ],
                ),
            ],
        ),
        (
            "II. LUTTE CONTRE LA CONTREFAÇON ET LE PIRATAGE",
            [
                Action(
                    "4",
                    "Sensibiliser les administrations aux droits de propriété intellectuelle (DPI)",
                    "Secrétariat de l’OMD",
                    "Activité permanente",
                    [
                        (
                            "Séminaire régional sur les DPI (Yaoundé, Cameroun, du 28 novembre au 1er décembre 2016)",
                            G(
                                "Séminaire régional sur les DPI",
                                "CMR",
                                "Yaoundé",
                                "2016-11-28",
                                "2016-12-01",
                                event_type="seminar",
                            ),
                        ),
                        (
                            "Atelier national sur les DPI (Maroc, 2e trimestre 2016)",
                            G(
                                "Atelier national sur les DPI",
                                "MAR",
                                None,
                                "2016-04",
                                "2016-06",
                                event_type="workshop",
                                start_date=[None],
                                end_date=[None],
                            ),
                        ),
                        (
                            "Conférence mondiale sur la lutte contre la contrefaçon, Siège de l’OMD, Bruxelles, 19-20 septembre 2017",
                            G(
                                "Conférence mondiale sur la lutte contre la contrefaçon",
                                "BEL",
                                "Brussels",
                                "2017-09-19",
                                "2017-09-20",
                                event_type="conference",
                            ),
                        ),
                        (
                            "Webinaire sur l’outil IPM (en ligne, 15 mars 2017)",
                            G("Webinaire sur l’outil IPM", None, None, "2017-03-15", event_type="workshop"),
                        ),
                    ],
                ),
                Action(
                    "5",
                    "Promouvoir l’utilisation de l’outil IPM auprès des Membres et du secteur privé",
                    "Secrétariat de l’OMD ; titulaires de droits",
                    "Décembre 2017",
                    [
                        (
                            "Lancement de l’application mobile IPM (Genève, Suisse, mercredi 8 février 2017)",
                            G(
                                "Lancement de l’application mobile IPM",
                                "CHE",
                                "Geneva",
                                "2017-02-08",
                                event_type="launch",
                            ),
                        ),
                        (
                            "Présentation de l’outil IPM aux Membres de la région Amériques (Panama, 7 et 8 juin 2017)",
                            G(
                                "Présentation de l’outil IPM aux Membres de la région Amériques",
                                "PAN",
                                None,
                                "2017-06-07",
                                "2017-06-08",
                                city=["Panama"],
                            ),
                        ),
                        (
                            "Vingt-trois Membres ont rejoint l’outil IPM depuis janvier 2016",
                            G(
                                "Vingt-trois Membres ont rejoint l’outil IPM depuis janvier 2016",
                                None,
                                None,
                                None,
                                kind="development",
                                start_date=["2016-01"],
                                end_date=["2016-01"],
                            ),
                        ),
                    ],
                ),
            ],
        ),
        (
            "III. COMMERCE ILLICITE ET SÉCURITÉ",
            [
                Action(
                    "6",
                    "Appuyer la mise en œuvre du Programme de contrôle des conteneurs",
                    "ONUDC ; Secrétariat de l’OMD",
                    "Activité permanente",
                    [
                        (
                            "Formation de base des unités de contrôle portuaire, Abidjan (Côte d’Ivoire), 20-24 février 2017",
                            G(
                                "Formation de base des unités de contrôle portuaire",
                                "CIV",
                                "Abidjan",
                                "2017-02-20",
                                "2017-02-24",
                                event_type="training",
                            ),
                        ),
                        (
                            "Formation avancée des unités de contrôle portuaire (Cotonou, Bénin, 10-14 juillet 2017)",
                            G(
                                "Formation avancée des unités de contrôle portuaire",
                                "BEN",
                                "Cotonou",
                                "2017-07-10",
                                "2017-07-14",
                                event_type="training",
                            ),
                        ),
                        (
                            "Visite d’étude d’agents béninois au port d’Anvers (Belgique, mai 2017)",
                            G(
                                "Visite d’étude d’agents béninois au port d’Anvers",
                                "BEL",
                                None,
                                "2017-05",
                                city=["Antwerp"],
                            ),
                        ),
                    ],
                ),
                Action(
                    "7",
                    "Renforcer la coopération avec INTERPOL, l’ONUDC et les autres partenaires",
                    "Secrétariat de l’OMD",
                    "Juin 2017",
                    [
                        (
                            "Réunion du Groupe de travail mixte OMD-INTERPOL (Lyon, France, 16 janvier 2017)",
                            G(
                                "Réunion du Groupe de travail mixte OMD-INTERPOL",
                                "FRA",
                                "Lyon",
                                "2017-01-16",
                                event_type="meeting",
                            ),
                        ),
                        (
                            "Le 12 mai 2016, le Secrétariat a signé un protocole d’accord avec l’ONUDC.",
                            G(
                                "Le 12 mai 2016, le Secrétariat a signé un protocole d’accord avec l’ONUDC.",
                                None,
                                None,
                                "2016-05-12",
                                kind="development",
                            ),
                        ),
                        (
                            "Participation à la Conférence des Parties à la CITES à Johannesburg, Afrique du Sud, du 24 septembre au 5 octobre 2016",
                            G(
                                "Participation à la Conférence des Parties à la CITES",
                                "ZAF",
                                "Johannesburg",
                                "2016-09-24",
                                "2016-10-05",
                                event_type="conference",
                            ),
                        ),
                    ],
                ),
            ],
        ),
        (
            "IV. GOUVERNANCE DU COMITÉ",
            [
                Action(
                    "8",
                    "Tenir les sessions annuelles du Comité de la lutte contre la fraude",
                    "Comité de la lutte contre la fraude",
                    "Chaque année (mars)",
                    [
                        (
                            "36e session du Comité (Siège de l’OMD, Bruxelles, du 7 au 9 mars 2016)",
                            G(
                                "36e session du Comité",
                                "BEL",
                                "Brussels",
                                "2016-03-07",
                                "2016-03-09",
                                event_type="meeting",
                            ),
                        ),
                        (
                            "37e session du Comité (Siège de l’OMD, 13-15 mars 2017)",
                            G(
                                "37e session du Comité",
                                "BEL",
                                "Brussels",
                                "2017-03-13",
                                "2017-03-15",
                                event_type="meeting",
                            ),
                        ),
                        (
                            "Réunion du Bureau du Comité par visioconférence, le 12 décembre 2016",
                            G(
                                "Réunion du Bureau du Comité",
                                None,
                                None,
                                "2016-12-12",
                                event_type="meeting",
                                title=["Réunion du Bureau du Comité par visioconférence"],
                            ),
                        ),
                    ],
                ),
                Action(
                    "9",
                    "Rendre compte des travaux à la Commission de politique générale",
                    "Secrétariat de l’OMD",
                    "Juin 2017",
                    [
                        (
                            "Un rapport a été présenté à la Commission de politique générale en juin 2016 (Doc. SP0580F1)",
                            G(
                                "Un rapport a été présenté à la Commission de politique générale en juin 2016",
                                None,
                                None,
                                "2016-06",
                                kind="development",
                            ),
                        ),
                        (
                            "Rapport d’activité 2016-2017 en préparation (publication prévue fin octobre 2017)",
                            G(
                                "Rapport d’activité 2016-2017 en préparation",
                                None,
                                None,
                                "2017-10",
                                kind="development",
                                event_type="publication",
                            ),
                        ),
                    ],
                ),
            ],
        ),
    ],
)


# --- Report B: valuation programme, columns Activité | Chef(s) de file | Calendrier | Réalisations | Observations

CTED = Report(
    name="fr_cted_2017",
    cover=[
        "ORGANISATION MONDIALE DES DOUANES",
        "COMITÉ TECHNIQUE DE L’ÉVALUATION EN DOUANE",
        "- 45e session -",
    ],
    title="Rapport sur l’état d’avancement du Plan d’action relatif à l’évaluation en douane "
    "(état au 30 novembre 2017)",
    columns=["N°", "Activité", "Chef(s) de file", "Calendrier", "Réalisations", "Observations"],
    sections=[
        (
            "A. FORMATION ET ASSISTANCE TECHNIQUE",
            [
                Action(
                    "1",
                    "Organiser des ateliers régionaux sur l’Accord de l’OMC sur l’évaluation en douane",
                    "Secrétariat de l’OMD, BRRC",
                    "2016-2017",
                    [
                        REGION("Afrique occidentale et centrale :"),
                        (
                            "Atelier régional sur l’évaluation en douane, Ouagadougou (Burkina Faso), du 3 au 5 mars 2016",
                            G(
                                "Atelier régional sur l’évaluation en douane",
                                "BFA",
                                "Ouagadougou",
                                "2016-03-03",
                                "2016-03-05",
                                event_type="workshop",
                            ),
                        ),
                        (
                            "Lomé, Togo, 12-16 septembre 2016 : atelier régional sur les bases de données d’évaluation",
                            G(
                                "atelier régional sur les bases de données d’évaluation",
                                "TGO",
                                "Lomé",
                                "2016-09-12",
                                "2016-09-16",
                                event_type="workshop",
                                title=[
                                    "Lomé, Togo, 12-16 septembre 2016 : atelier régional sur les bases de données d’évaluation"
                                ],
                            ),
                        ),
                        REGION("Région Asie/Pacifique"),
                        (
                            "Atelier régional sur le contrôle de la valeur (Suva, Fidji, 1er-3 octobre 2017)",
                            G(
                                "Atelier régional sur le contrôle de la valeur",
                                "FJI",
                                "Suva",
                                "2017-10-01",
                                "2017-10-03",
                                event_type="workshop",
                            ),
                        ),
                        (
                            "Séminaire sous-régional sur l’évaluation (New Delhi, Inde, 14-16 juin 2016)",
                            G(
                                "Séminaire sous-régional sur l’évaluation",
                                "IND",
                                "New Delhi",
                                "2016-06-14",
                                "2016-06-16",
                                event_type="seminar",
                            ),
                        ),
                        REGION("Afrique orientale et australe :"),
                        (
                            "Du 21 au 25 novembre 2016, à Nairobi (Kenya) : atelier régional sur le contrôle a posteriori de la valeur",
                            G(
                                "atelier régional sur le contrôle a posteriori de la valeur",
                                "KEN",
                                "Nairobi",
                                "2016-11-21",
                                "2016-11-25",
                                event_type="workshop",
                                title=[
                                    "Du 21 au 25 novembre 2016, à Nairobi (Kenya) : atelier régional sur le contrôle a posteriori de la valeur"
                                ],
                            ),
                        ),
                    ],
                    remarks="Deux ateliers supplémentaires sont prévus en 2018, sous réserve de financement.",
                ),
                Action(
                    "2",
                    "Fournir une assistance technique nationale à la demande des Membres",
                    "Secrétariat de l’OMD, experts accrédités",
                    "Activité continue",
                    [
                        (
                            "Mission d’assistance technique en République démocratique du Congo (Kinshasa, 6-10 février 2017)",
                            G(
                                "Mission d’assistance technique en République démocratique du Congo",
                                "COD",
                                "Kinshasa",
                                "2017-02-06",
                                "2017-02-10",
                                event_type="mission",
                                title=["Mission d’assistance technique"],
                            ),
                        ),
                        (
                            "Mission de diagnostic au Tchad (N’Djamena, les 12 et 13 mai 2016)",
                            G(
                                "Mission de diagnostic au Tchad",
                                "TCD",
                                "N’Djamena",
                                "2016-05-12",
                                "2016-05-13",
                                event_type="mission",
                                title=["Mission de diagnostic"],
                            ),
                        ),
                        (
                            "Atelier national sur la détermination de la valeur (Madagascar, mars-avril 2017)",
                            G(
                                "Atelier national sur la détermination de la valeur",
                                "MDG",
                                None,
                                "2017-03",
                                "2017-04",
                                event_type="workshop",
                            ),
                        ),
                        (
                            "Mission de suivi aux Comores (Moroni, 2e trimestre 2017)",
                            G(
                                "Mission de suivi aux Comores",
                                "COM",
                                "Moroni",
                                "2017-04",
                                "2017-06",
                                event_type="mission",
                                title=["Mission de suivi"],
                                start_date=[None],
                                end_date=[None],
                            ),
                        ),
                        (
                            "Atelier national sur l’évaluation des véhicules d’occasion (Bénin, semaine du 6 juin 2016)",
                            G(
                                "Atelier national sur l’évaluation des véhicules d’occasion",
                                "BEN",
                                None,
                                "2016-06-06",
                                "2016-06-12",
                                event_type="workshop",
                                end_date=["2016-06-06", "2016-06-10"],
                            ),
                        ),
                        (
                            "Formation nationale sur les prix de transfert, Rabat (Maroc), mardi 14 juin 2016",
                            G(
                                "Formation nationale sur les prix de transfert",
                                "MAR",
                                "Rabat",
                                "2016-06-14",
                                event_type="training",
                            ),
                        ),
                    ],
                ),
                Action(
                    "3",
                    "Accréditer de nouveaux experts en évaluation",
                    "Secrétariat de l’OMD",
                    "Décembre 2017",
                    [
                        (
                            "Atelier d’accréditation des experts francophones (Siège de l’OMD, Bruxelles, 19-23 septembre 2016)",
                            G(
                                "Atelier d’accréditation des experts francophones",
                                "BEL",
                                "Brussels",
                                "2016-09-19",
                                "2016-09-23",
                                event_type="accreditation",
                            ),
                        ),
                        (
                            "Atelier d’accréditation pour la région Amériques (Bogotá, Colombie, 27 février-3 mars 2017)",
                            G(
                                "Atelier d’accréditation pour la région Amériques",
                                "COL",
                                "Bogotá",
                                "2017-02-27",
                                "2017-03-03",
                                event_type="accreditation",
                            ),
                        ),
                        (
                            "Douze experts accrédités au total à fin mars 2017",
                            G(
                                "Douze experts accrédités au total à fin mars 2017",
                                None,
                                None,
                                "2017-03",
                                kind="development",
                                start_date=[None],
                                end_date=[None],
                            ),
                        ),
                    ],
                ),
            ],
        ),
        (
            "B. INSTRUMENTS ET OUTILS",
            [
                Action(
                    "4",
                    "Mettre à jour le Guide de l’évaluation en douane",
                    "CTED",
                    "Fin 2017",
                    [
                        (
                            "Le projet de Guide révisé a été examiné par le CTED lors de sa 43e session (octobre 2016)",
                            G(
                                "Le projet de Guide révisé a été examiné par le CTED lors de sa 43e session",
                                None,
                                None,
                                "2016-10",
                                kind="development",
                            ),
                        ),
                        (
                            "Consultation écrite des Membres : mars-avril 2017",
                            G(
                                "Consultation écrite des Membres",
                                None,
                                None,
                                "2017-03",
                                "2017-04",
                                kind="development",
                                title=["Consultation écrite des Membres : mars-avril 2017"],
                            ),
                        ),
                        (
                            "Adoption du Guide révisé prévue courant 2017",
                            G(
                                "Adoption du Guide révisé prévue courant 2017",
                                None,
                                None,
                                "2017",
                                kind="development",
                                title=["Adoption du Guide révisé prévue"],
                            ),
                        ),
                    ],
                ),
                Action(
                    "5",
                    "Développer des outils de formation en ligne",
                    "Secrétariat de l’OMD",
                    "2e trimestre 2017",
                    [
                        (
                            "Le cours en ligne sur l’évaluation en douane a été mis à jour (janvier 2017)",
                            G(
                                "Le cours en ligne sur l’évaluation en douane a été mis à jour",
                                None,
                                None,
                                "2017-01",
                                kind="development",
                            ),
                        ),
                        (
                            "Webinaire « Évaluation et prix de transfert » (en ligne, 18 mai 2017)",
                            G(
                                "Webinaire « Évaluation et prix de transfert »",
                                None,
                                None,
                                "2017-05-18",
                                event_type="workshop",
                            ),
                        ),
                        (
                            "Webinaire sur les redevances et droits de licence par visioconférence, 22 juin 2017",
                            G(
                                "Webinaire sur les redevances et droits de licence",
                                None,
                                None,
                                "2017-06-22",
                                event_type="workshop",
                                title=[
                                    "Webinaire sur les redevances et droits de licence par visioconférence"
                                ],
                            ),
                        ),
                    ],
                ),
                Action(
                    "6",
                    "Élaborer des études de cas et des commentaires",
                    "CTED",
                    "Activité continue",
                    [
                        (
                            "Étude de cas 14.2 adoptée par le CTED à sa 44e session (Bruxelles, 26-30 septembre 2016)",
                            G(
                                "Étude de cas 14.2 adoptée par le CTED à sa 44e session",
                                "BEL",
                                "Brussels",
                                "2016-09-26",
                                "2016-09-30",
                                kind="development",
                            ),
                        ),
                        (
                            "Le Commentaire 25.1 sur les rabais est en cours d’examen",
                            G("Le Commentaire 25.1 sur les rabais est en cours d’examen", kind="development"),
                        ),
                    ],
                ),
            ],
        ),
        (
            "C. COOPÉRATION ET SUIVI",
            [
                Action(
                    "7",
                    "Renforcer la coopération avec l’OMC, l’OCDE et les autres partenaires",
                    "Secrétariat de l’OMD",
                    "Activité continue",
                    [
                        (
                            "Réunion du Comité de l’évaluation en douane de l’OMC (Genève, Suisse, 10 mai 2016)",
                            G(
                                "Réunion du Comité de l’évaluation en douane de l’OMC",
                                "CHE",
                                "Geneva",
                                "2016-05-10",
                                event_type="meeting",
                            ),
                        ),
                        (
                            "Forum mondial sur les prix de transfert (Paris, France, les 1er et 2 mars 2017)",
                            G(
                                "Forum mondial sur les prix de transfert",
                                "FRA",
                                "Paris",
                                "2017-03-01",
                                "2017-03-02",
                                event_type="forum",
                            ),
                        ),
                        (
                            "Réunion conjointe OMD-OCDE sur les prix de transfert, Centre de conférences de l’OCDE, Paris, le 4 juillet 2016",
                            G(
                                "Réunion conjointe OMD-OCDE sur les prix de transfert",
                                "FRA",
                                "Paris",
                                "2016-07-04",
                                event_type="meeting",
                            ),
                        ),
                        (
                            "Dialogue régional avec le secteur privé aux Émirats arabes unis (Dubaï, 18 janvier 2017)",
                            G(
                                "Dialogue régional avec le secteur privé aux Émirats arabes unis",
                                "ARE",
                                "Dubai",
                                "2017-01-18",
                                title=["Dialogue régional avec le secteur privé"],
                            ),
                        ),
                    ],
                ),
                Action(
                    "8",
                    "Rendre compte au Comité technique permanent",
                    "Secrétariat de l’OMD",
                    "Sessions du CTP",
                    [
                        (
                            "Rapport d’étape présenté au CTP en mars 2017 (Doc. PC0450F1)",
                            G(
                                "Rapport d’étape présenté au CTP en mars 2017",
                                None,
                                None,
                                "2017-03",
                                kind="development",
                            ),
                        ),
                        (
                            "Rapport final attendu fin novembre 2017",
                            G(
                                "Rapport final attendu fin novembre 2017",
                                None,
                                None,
                                "2017-11",
                                kind="development",
                                title=["Rapport final attendu"],
                            ),
                        ),
                    ],
                ),
                Action(
                    "9",
                    "Assurer le suivi de la mise en œuvre de l’Accord par les Membres",
                    "Secrétariat de l’OMD, BRRC",
                    "Activité continue",
                    [
                        REGION("Afrique occidentale et centrale :"),
                        (
                            "Une enquête sur la mise en œuvre de l’Accord a été lancée le 15 février 2017",
                            G(
                                "Une enquête sur la mise en œuvre de l’Accord a été lancée le 15 février 2017",
                                None,
                                None,
                                "2017-02-15",
                                kind="development",
                            ),
                        ),
                        (
                            "Réunion des points de contact de la région, Libreville (Gabon), du 28 au 30 novembre 2016",
                            G(
                                "Réunion des points de contact de la région",
                                "GAB",
                                "Libreville",
                                "2016-11-28",
                                "2016-11-30",
                                event_type="meeting",
                            ),
                        ),
                        REGION("Région Europe"),
                        (
                            "Réunion des experts en évaluation de la région Europe (Vienne, Autriche, 5-7 octobre 2016)",
                            G(
                                "Réunion des experts en évaluation de la région Europe",
                                "AUT",
                                "Vienna",
                                "2016-10-05",
                                "2016-10-07",
                                event_type="meeting",
                            ),
                        ),
                    ],
                    remarks="Taux de réponse à l’enquête : 62 % à la date du rapport.",
                ),
            ],
        ),
    ],
)

REPORTS = [CLF, CTED]
