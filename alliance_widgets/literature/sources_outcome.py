"""Sources on outcome, feedback, treatment differences, history and methods.

Each record's ``checked`` note says where its DOI or ISBN was read.
"""

from __future__ import annotations

from .records import _src

LAMBERT_2004 = _src(
    "Lambert, M. J.; Morton, J. J.; Hatfield, D.; Harmon, C.; Hamilton, S.; "
    "Reid, R. C.; Shimokawa, K.; Christopherson, C.; Burlingame, G. M.",
    2004,
    "Administration and Scoring Manual for the OQ-45.2 (Outcome Questionnaire)",
    "American Professional Credentialing Services",
    kind="manual",
    checked="the manual's title pages (revised January 2004; authors; publisher) in a copy on "
    "Scribd, via search, 2026-12; a test publisher's manual with no ISBN",
)
# Not records here, for want of a DOI found in 2026-12 (their figures went with them or rest
# on another source): Beckstead et al. (2003), The Behavior Analyst Today 4(1); Miller et al.
# (2003, the ORS) and Duncan et al. (2003, the SRS), Journal of Brief Therapy 2(2) and 3(1),
# whose first pages (Springer Publishing, 2003) print no DOI; Tolin (2010), Clinical
# Psychology Review 30(6), 710–720 (its abstract was read on public copies of the paper in
# 2026-12, but no record with its DOI was; find_string finds its title only on a web page).
# OQ Measures' "OQ-Analyst: feedback reports and progress signals" (2004) was a record
# here until 2026-12; a reviewer could not locate it, nor could the search tool, so it was
# removed. The signal colours are as commonly reported (OQ_SIGNALS).
HANNAN_2005 = _src(
    "Hannan, C.; Lambert, M. J.; Harmon, C.; Nielsen, S. L.; Smart, D. W.; Shimokawa, K.; "
    "Sutton, S. W.",
    2005,
    "A lab test and algorithms for identifying clients at risk for treatment failure",
    "Journal of Clinical Psychology, 61(2), 155–163",
    doi="10.1002/jclp.20108",
    checked="Zendy record (title, all seven authors, 2005, DOI, abstract), via search, "
    "2026-12; volume and pages as a reviewer read them, not re-read",
)
DE_JONG_2021 = _src(
    "de Jong, K.; Conijn, J. M.; Gallagher, R. A. V.; Reshetnikova, A. S.; Heij, M.; Lutz, M. C.",
    2021,
    "Using progress feedback to improve outcomes and reduce drop-out, treatment duration, "
    "and deterioration: a multilevel meta-analysis",
    "Clinical Psychology Review, 85, 102002",
    doi="10.1016/j.cpr.2021.102002",
    checked="X-MOL and Peeref records (DOI, authors, abstract) and the Erasmus University Pure "
    "record, via search, 2026-12",
)
BARKHAM_2023 = _src(
    "Barkham, M.; de Jong, K.; Delgadillo, J.; Lutz, W.",
    2023,
    "Routine outcome monitoring (ROM) and feedback: research review and recommendations",
    "Psychotherapy Research, 33, 841–855",
    doi="10.1080/10503307.2023.2181114",
    checked="Taylor & Francis article page (pages 841–855, abstract), via search, 2026-12",
)
OSTERGARD_2020 = _src(
    "Østergård, O. K.; Randa, H.; Hougaard, E.",
    2020,
    "The effect of using the Partners for Change Outcome Management System as feedback tool "
    "in psychotherapy: a systematic review and meta-analysis",
    "Psychotherapy Research, 30(2), 195–212 (published online 2018)",
    doi="10.1080/10503307.2018.1517949",
    checked="Aalborg University VBN record (authors, PY 2020, abstract), Taylor & Francis "
    "reference page (pages 195–212, online 13 Sep 2018) and the article's cover page on "
    "docslib (DOI), via search, 2026-12",
)
SHIMOKAWA_2010 = _src(
    "Shimokawa, K.; Lambert, M. J.; Smart, D. W.",
    2010,
    "Enhancing treatment outcome of patients at risk of treatment failure: meta-analytic and "
    "mega-analytic review of a psychotherapy quality assurance system",
    "Journal of Consulting and Clinical Psychology, 78(3), 298–311",
    checked="PubMed record PMID 20515206 (authors, title, 78(3), 298–311) and the DOI in a "
    "public reference table (find_string), via search, 2026-12",
    doi="10.1037/a0019247",
)
LAMBERT_WHIPPLE_KLEINSTAUBER_2018 = _src(
    "Lambert, M. J.; Whipple, J. L.; Kleinstäuber, M.",
    2018,
    "Collecting and delivering progress feedback: a meta-analysis of routine outcome monitoring",
    "Psychotherapy, 55(4), 520–537",
    doi="10.1037/pst0000167",
    checked="Drug and Alcohol Findings Effectiveness Bank entry (authors, 55(4), 520–537) and "
    "Utah State University DigitalCommons abstract, via search, 2026-12; DOI seen in a "
    "public reference list (find_string), not on a publisher page",
)
JACOBSON_TRUAX_1991 = _src(
    "Jacobson, N. S.; Truax, P.",
    1991,
    "Clinical significance: a statistical approach to defining meaningful change in "
    "psychotherapy research",
    "Journal of Consulting and Clinical Psychology, 59(1), 12–19",
    doi="10.1037/0022-006X.59.1.12",
    checked="reference lists in public repositories (find_string): ten files, among them R "
    "package documentation, via search, 2026-12",
)
EYSENCK_1952 = _src(
    "Eysenck, H. J.",
    1952,
    "The effects of psychotherapy: an evaluation",
    "Journal of Consulting Psychology, 16(5), 319–324",
    doi="10.1037/h0063633",
    checked="a public reference list (find_string), via search, 2026-12",
)
MCNEILLY_HOWARD_1991 = _src(
    "McNeilly, C. L.; Howard, K. I.",
    1991,
    "The effects of psychotherapy: a reevaluation based on dosage",
    "Psychotherapy Research, 1, 74–78",
    doi="10.1080/10503309112331334081",
    checked="Taylor & Francis article page (title, pages 74–78, online 2008, abstract, DOI in its "
    "address), via search, 2026-12; the page hides the two authors' names, so they are as "
    "commonly cited",
)
ROSENZWEIG_1936 = _src(
    "Rosenzweig, S.",
    1936,
    "Some implicit common factors in diverse methods of psychotherapy",
    "American Journal of Orthopsychiatry, 6(3), 412–415",
    doi="10.1111/j.1939-0025.1936.tb05248.x",
    checked="a public reference list (find_string), via search, 2026-12",
)
ROGERS_1957 = _src(
    "Rogers, C. R.",
    1957,
    "The necessary and sufficient conditions of therapeutic personality change",
    "Journal of Consulting Psychology, 21(2), 95–103",
    doi="10.1037/h0045357",
    checked="reference lists in public repositories (find_string): ten files, via search, 2026-12",
)
NORCROSS_LAMBERT_2018 = _src(
    "Norcross, J. C.; Lambert, M. J.",
    2018,
    "Psychotherapy relationships that work III",
    "Psychotherapy, 55(4), 303–315",
    doi="10.1037/pst0000193",
    checked="the article's first page (Psychotherapy 2018, 55(4), 303–315, DOI, abstract) on "
    "trst.org.uk and Scribd, via search, 2026-12",
)
ROSENTHAL_RUBIN_1982 = _src(
    "Rosenthal, R.; Rubin, D. B.",
    1982,
    "A simple, general purpose display of magnitude of experimental effect",
    "Journal of Educational Psychology, 74(2), 166–169",
    doi="10.1037/0022-0663.74.2.166",
    checked="a public reference list (find_string), via search, 2026-12",
)
CRONBACH_1951 = _src(
    "Cronbach, L. J.",
    1951,
    "Coefficient alpha and the internal structure of tests",
    "Psychometrika, 16(3), 297–334",
    doi="10.1007/BF02310555",
    checked="reference lists in public repositories (find_string): ten files, via search, 2026-12",
)
MCDONALD_1999 = _src(
    "McDonald, R. P.",
    1999,
    "Test Theory: A Unified Treatment",
    "Lawrence Erlbaum",
    kind="book",
    doi="10.4324/9781410601087",
    checked="DOI of the Routledge/Psychology Press reissue, seen with this title in public "
    "reference lists (find_string: nine files, one noting it is the reissue's DOI), 2026-12; "
    "no ISBN of the 1999 Erlbaum printing was found; publisher listing on Perlego (498 pages)",
)
BELL_MARCUS_GOODLAD_2013 = _src(
    # Initials not given in the records read; surnames as PubMed's comment lists them.
    "Bell; Marcus; Goodlad",
    2013,
    "Are the parts as good as the whole? A meta-analysis of component treatment studies",
    "Journal of Consulting and Clinical Psychology, 81(4), 722–736",
    doi="10.1037/a0033004",
    checked="PubMed record PMID 23688145 (title, 81(4), 722–736, DOI, abstract) and the "
    "PubMed record of the 2015 comment on 'Bell, Marcus, and Goodlad (2013)', via search, "
    "2026-12; initials not verified",
)
