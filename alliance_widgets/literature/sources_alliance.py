"""Sources on the alliance: its concept, measures, meta-analyses and ruptures.

Each record's ``checked`` note says where its DOI or ISBN was read.
"""

from __future__ import annotations

from .records import _src

BORDIN_1979 = _src(
    "Bordin, E. S.",
    1979,
    "The generalizability of the psychoanalytic concept of the working alliance",
    "Psychotherapy: Theory, Research and Practice, 16(3), 252–260",
    doi="10.1037/h0085885",
    checked="reference list of Hatcher, Lindqvist & Falkenström (2019) on the Taylor & Francis "
    "page, a Dove Press reference list and reference lists in public repositories "
    "(find_string), via search, 2026-12",
)
HORVATH_GREENBERG_1989 = _src(
    "Horvath, A. O.; Greenberg, L. S.",
    1989,
    "Development and validation of the Working Alliance Inventory",
    "Journal of Counseling Psychology, 36(2), 223–233",
    doi="10.1037/0022-0167.36.2.223",
    checked="reference lists in public repositories (find_string): seven files give this DOI with "
    "this title, via search, 2026-12",
)
# Tracey & Kokotovic (1989), who built the 12-item WAI-S, is not a record here: no DOI for
# it was found in 2026-12 (only the ASU Pure record: Psychological Assessment 1(3),
# 207–210).  The WAI-S is cited through this later paper, whose record shows its length.
WAI_S_INTERCHANGEABILITY_2003 = _src(
    "",
    2003,
    "Interchangeability of the Working Alliance Inventory and Working Alliance Inventory, "
    "Short Form",
    "Psychological Assessment, 15(2), 193–197",
    doi="10.1037/1040-3590.15.2.193",
    checked="Scilit record (title, APA, Psychological Assessment 15(2), 193–197, DOI, abstract "
    "naming the 12-item WAI-S; its reference list includes Tracey & Kokotovic 1989), via "
    "search, 2026-12; authors not verified",
)
HATCHER_GILLASPY_2006 = _src(
    "Hatcher, R. L.; Gillaspy, J. A.",
    2006,
    "Development and validation of a revised short version of the Working Alliance Inventory",
    "Psychotherapy Research, 16(1), 12–25",
    doi="10.1080/10503300500352500",
    checked="reference lists in public repositories (find_string) (one cites the publisher's "
    "Crossref deposit), via search, 2026-12",
)
MUNDER_2010 = _src(
    "Munder, T.; Wilmers, F.; Leonhart, R.; Linster, H. W.; Barth, J.",
    2010,
    "Working Alliance Inventory-Short Revised (WAI-SR): psychometric properties in "
    "outpatients and inpatients",
    "Clinical Psychology & Psychotherapy, 17(3), 231–239",
    doi="10.1002/cpp.658",
    checked="PubMed record PMID 20013760 (full title, 17(3), 231–239, DOI, abstract) and the "
    "OpenAIRE record (all five authors), via search, 2026-12",
)
CRITS_CHRISTOPH_2011 = _src(
    "Crits-Christoph, P.; Gibbons, M. B. C.; Hamilton, J.; Ring-Kurtz, S.; Gallop, R.",
    2011,
    "The dependability of alliance assessments: the alliance-outcome correlation is larger "
    "than you might think",
    "Journal of Consulting and Clinical Psychology, 79(3), 267–278",
    doi="10.1037/a0023668",
    checked="PubMed record PMID 21639607 (mirror), ERIC record EJ927412 and the Taylor & Francis "
    "reference list of the 2020 relational-perspective paper, via search, 2026-12",
)
ASAY_LAMBERT_1999 = _src(
    "Asay, T. P.; Lambert, M. J.",
    1999,
    "The empirical case for the common factors in therapy: quantitative findings",
    "In M. A. Hubble, B. L. Duncan & S. D. Miller (Eds.), The Heart and Soul of Change. APA",
    kind="chapter",
    isbn="155798557X",
    checked="ISBN of The Heart and Soul of Change (APA, 1999) as given on a psychology wiki page, "
    "via search, 2026-12; checksum valid",
)
WAMPOLD_IMEL_2015 = _src(
    "Wampold, B. E.; Imel, Z. E.",
    2015,
    "The Great Psychotherapy Debate: The Evidence for What Makes Psychotherapy Work (2nd ed.)",
    "Routledge",
    kind="book",
    doi="10.4324/9780203582015",
    checked="Taylor & Francis eBook page (book DOI, chapter list) and the book's copyright page "
    "(Routledge, 2015), via search, 2026-12",
)
BALDWIN_IMEL_2013 = _src(
    "Baldwin, S. A.; Imel, Z. E.",
    2013,
    "Therapist effects: findings and methods",
    "In M. J. Lambert (Ed.), Bergin and Garfield's Handbook of Psychotherapy and Behavior "
    "Change (6th ed.). Wiley",
    kind="chapter",
    isbn="9781118415924",
    checked="ebook ISBN in the address of the 6th edition's preface page (Lambert, editor), via "
    "search, 2026-12; checksum valid",
)
WAMPOLD_2015 = _src(
    "Wampold, B. E.",
    2015,
    "How important are the common factors in psychotherapy? An update",
    "World Psychiatry, 14(3), 270–277",
    doi="10.1002/wps.20238",
    checked="reference lists in public repositories (find_string): ten files give this DOI with "
    "this title, via search, 2026-12",
)
NORCROSS_2011 = _src(
    "Norcross, J. C. (Ed.)",
    2011,
    "Psychotherapy Relationships That Work: Evidence-Based Responsiveness (2nd ed.)",
    "Oxford University Press",
    kind="book",
    doi="10.1093/acprof:oso/9780199737208.001.0001",
    isbn="9780199737208",
    checked="Oxford Scholarship Online record (print ISBN-13, DOI, chapter list), via search, "
    "2026-12",
)
HORVATH_SYMONDS_1991 = _src(
    "Horvath, A. O.; Symonds, B. D.",
    1991,
    "Relation between working alliance and outcome in psychotherapy: a meta-analysis",
    "Journal of Counseling Psychology, 38(2), 139–149",
    doi="10.1037/0022-0167.38.2.139",
    checked="reference lists in public repositories (find_string), one a DOI-resolution table "
    "listing Horvath, Adam O.; Symonds, B. Dianne, via search, 2026-12",
)
MARTIN_2000 = _src(
    "Martin, D. J.; Garske, J. P.; Davis, M. K.",
    2000,
    "Relation of the therapeutic alliance with outcome and other variables: a meta-analytic review",
    "Journal of Consulting and Clinical Psychology, 68(3), 438–450",
    doi="10.1037/0022-006X.68.3.438",
    checked="a public reference list (find_string) and the abstract (79 studies, 58 published and "
    "21 unpublished) in a flipbook, via search, 2026-12",
)
HORVATH_BEDI_2002 = _src(
    "Horvath, A. O.; Bedi, R. P.",
    2002,
    "The alliance",
    "In J. C. Norcross (Ed.), Psychotherapy Relationships That Work: Therapist Contributions and "
    "Responsiveness to Patients. Oxford University Press",
    kind="chapter",
    isbn="0195143469",
    checked="ISBN-10 of the 2002 book in its Amazon UK product address (hardcover, 5 Sep 2002), "
    "via search, 2026-12; checksum valid",
)
HORVATH_2011 = _src(
    "Horvath, A. O.; Del Re, A. C.; Flückiger, C.; Symonds, D.",
    2011,
    "Alliance in individual psychotherapy",
    "Psychotherapy, 48(1), 9–16",
    doi="10.1037/a0022186",
    checked="the article's first page (Psychotherapy 2011, Vol. 48, No. 1, 9–16, DOI) on Scribd "
    "and its abstract on ResearchGate, via search, 2026-12",
)
FLUCKIGER_2018 = _src(
    "Flückiger, C.; Del Re, A. C.; Wampold, B. E.; Horvath, A. O.",
    2018,
    "The alliance in adult psychotherapy: a meta-analytic synthesis",
    "Psychotherapy, 55, 316–340",
    doi="10.1037/pst0000172",
    checked="the Online First article (DOI, abstract) on docslib, via search, 2026-12",
)
FLUCKIGER_2020_ADJUSTED = _src(
    "Flückiger, C.; Del Re, A. C.; Wlodasch, D.; Horvath, A. O.; Solomonov, N.; Wampold, B. E.",
    2020,
    "Assessing the alliance–outcome association adjusted for patient characteristics and "
    "treatment processes: a meta-analytic summary of direct comparisons",
    "Journal of Counseling Psychology, 67(6), 706–711",
    doi="10.1037/cou0000424",
    year_suffix="a",
    checked="Ovid journal page (authors, 67(6), 706–711, DOI) and the PsycInfo abstract on "
    "lausr.org, via search, 2026-12",
)
FLUCKIGER_2020_RECIPROCAL = _src(
    "Flückiger, C.; Rubel, J.; Del Re, A. C.; Horvath, A. O.; Wampold, B. E.; "
    "Crits-Christoph, P.; Atzil-Slonim, D.; Compare, A.; Falkenström, F.; Ekeblad, A.; "
    "Errázuriz, P.; Fisher, H.; Hoffart, A.; Huppert, J. D.; Kivity, Y.; Kumar, M.; Lutz, W.; "
    "Muran, J. C.; Strunk, D. R.; Tasca, G. A.; Vîslă, A.; Voderholzer, U.; Webb, C. A.; "
    "Xu, H.; Zilcha-Mano, S.; Barber, J. P.",
    2020,
    "The reciprocal relationship between alliance and early treatment symptoms: a two-stage "
    "individual participant data meta-analysis",
    "Journal of Consulting and Clinical Psychology, 88(9), 829–843",
    doi="10.1037/ccp0000594",
    year_suffix="b",
    checked="Swiss National Science Foundation P3 record (88(9), 829–843, DOI) and Mount Sinai "
    "research-portal RIS record (all 26 authors), via search, 2026-12",
)
BALDWIN_2007 = _src(
    "Baldwin, S. A.; Wampold, B. E.; Imel, Z. E.",
    2007,
    "Untangling the alliance-outcome correlation: exploring the relative importance of "
    "therapist and patient variability in the alliance",
    "Journal of Consulting and Clinical Psychology, 75(6), 842–852",
    doi="10.1037/0022-006X.75.6.842",
    checked="PubMed record PMID 18085902 (mirror: title, DOI, abstract) and Taylor & Francis "
    "reference lists, via search, 2026-12",
)
DEL_RE_2012 = _src(
    "Del Re, A. C.; Flückiger, C.; Horvath, A. O.; Symonds, D.; Wampold, B. E.",
    2012,
    "Therapist effects in the therapeutic alliance-outcome relationship: a restricted-maximum "
    "likelihood meta-analysis",
    "Clinical Psychology Review, 32(7), 642–649",
    doi="10.1016/j.cpr.2012.07.002",
    checked="the article's Elsevier page reached through doi.org (DOI, 32(7), 642–649, abstract) "
    "and a library record with all five authors, via search, 2026-12",
)
# The authors of this paper could not be read in any record the search tool reached (the
# publisher page and the DiVA record list four Linköping University affiliations but hide
# the names), so it is cited by title, as APA cites an authorless work, until they are.
RELATIONAL_PERSPECTIVE_2020 = _src(
    "",
    2020,
    "A relational perspective on the association between working alliance and treatment outcome",
    "Psychotherapy Research, 30(1), 13–22 (published online 2018)",
    doi="10.1080/10503307.2018.1516306",
    checked="Taylor & Francis article page (title, pages 13–22, online 31 Aug 2018, DOI) and "
    "DiVA record lnu diva2:1548646 (2020, vol. 30, no. 1, pp. 13–22), via search, 2026-12; "
    "authors not verified",
)
SAFRAN_MURAN_2000 = _src(
    "Safran, J. D.; Muran, J. C.",
    2000,
    "Negotiating the Therapeutic Alliance: A Relational Treatment Guide",
    "Guilford Press",
    kind="book",
    isbn="9781572305120",
    checked="Guilford Press book page (hardcover, January 11, 2000), via search, 2026-12",
)
SAFRAN_MURAN_2006 = _src(
    "Safran, J. D.; Muran, J. C.",
    2006,
    "Has the concept of the therapeutic alliance outlived its usefulness?",
    "Psychotherapy: Theory, Research, Practice, Training, 43(3), 286–291",
    doi="10.1037/0033-3204.43.3.286",
    checked="Semantic Scholar record (DOI, abstract) and an alljournals abstract record, via "
    "search, 2026-12",
)
SAFRAN_2011 = _src(
    "Safran, J. D.; Muran, J. C.; Eubanks-Carter, C.",
    2011,
    "Repairing alliance ruptures",
    "Psychotherapy, 48(1), 80–87",
    doi="10.1037/a0022140",
    checked="a PubMed-derived record (PMID 21401278, DOI, abstract) and the Drug and Alcohol "
    "Findings entry (48(1), 80–87), via search, 2026-12",
)
EUBANKS_2018 = _src(
    "Eubanks, C. F.; Muran, J. C.; Safran, J. D.",
    2018,
    "Alliance rupture repair: a meta-analysis",
    "Psychotherapy, 55(4), 508–519",
    doi="10.1037/pst0000185",
    checked="reference lists in public repositories (find_string), one marking it checked against "
    "Crossref, via search, 2026-12",
)
STEVENS_2007 = _src(
    "Stevens, C. L.; Muran, J. C.; Safran, J. D.; Gorman, B. S.; Winston, A.",
    2007,
    "Levels and patterns of the therapeutic alliance in brief psychotherapy",
    "American Journal of Psychotherapy, 61(2), 109–129",
    doi="10.1176/appi.psychotherapy.2007.61.2.109",
    checked="Psychiatry Online article page (pages 109–129, PubMed 17760317, authors, abstract), "
    "via search, 2026-12",
)
