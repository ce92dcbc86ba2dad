"""Sources on which way the alliance works: dropout, raters and within-client designs.

Each record's ``checked`` note says where its DOI was read.  Two papers this kit wanted are
not here because no public record reached with the search tool showed their DOI (2026-12):
Tryon, Blackwell & Hammel (2007) on client–therapist alliance agreement in adults (its
abstract was seen, without venue or DOI) and Zilcha-Mano (2017) on trait-like and state-like
alliance (the University of Haifa record gives American Psychologist, issue 4, 311–325,
without a DOI).  They are not cited until a record shows the identifier.
"""

from __future__ import annotations

from .records import _src

SHARF_2010 = _src(
    # Only the surnames were seen (a scite citation statement: "Sharf, Primavera, & Diener,
    # 2010"); the initials are left out rather than guessed.
    "Sharf; Primavera; Diener",
    2010,
    "Dropout and therapeutic alliance: a meta-analysis of adult individual psychotherapy",
    "Psychotherapy, 47(4)",
    doi="10.1037/a0021175",
    checked="scite report (DOI, title, abstract: 11 studies, 1,301 participants, d = .55) and "
    "the DeepDyve record (Psychotherapy, volume 47, issue 4, 9 pages, December 2010; full "
    "abstract with the moderators), via search, 2026-12; initials and page numbers not seen",
)
FALKENSTROM_2013 = _src(
    "Falkenström, F.; Granström, F.; Holmqvist, R.",
    2013,
    "Therapeutic alliance predicts symptomatic improvement session by session",
    "Journal of Counseling Psychology (2013)",
    doi="10.1037/a0032258",
    checked="Altmetric record (title, Journal of Counseling Psychology 2013, DOI, the three "
    "authors, abstract: 646 primary-care patients, WAI-SR and CORE-OM, multilevel models of "
    "next-session symptoms, evidence for a reciprocal causal model), via search, 2026-12; "
    "volume and pages not seen",
)
FALKENSTROM_2017 = _src(
    "Falkenström, F.; Finkel, S. E.; Sandell, R.; Rubel, J. A.; Holmqvist, R.",
    2017,
    "Dynamic models of individual change in psychotherapy process research",
    "Journal of Consulting and Clinical Psychology, 85(6), 537–549",
    doi="10.1037/ccp0000203",
    checked="PubMed record PMID 28394170 (mirror: 85(6), 537–549, DOI, abstract), the DiVA "
    "record diva2:1111756 (85(6), 537–549) and Steven E. Finkel's publication page (all five "
    "authors), via search, 2026-12",
)
ROEST_2023 = _src(
    "Roest, J. J.; Welmers-Van de Poll, M. J.; Van der Helm, G. H. P.; Stams, G. J. J. M.; "
    "Hoeve, M.",
    2023,
    "A meta-analysis on differences and associations between alliance ratings in child and "
    "adolescent psychotherapy",
    "Journal of Clinical Child & Adolescent Psychology (published online 2022)",
    doi="10.1080/15374416.2022.2093210",
    checked="Taylor & Francis article page reached through informahealthcare.com (title, DOI, "
    "abstract), a PubMed-derived record and a Google Scholar mirror (the five authors, the "
    "journal, 2022 online / 2023), via search, 2026-12; volume and pages not seen",
)

__all__ = ["FALKENSTROM_2013", "FALKENSTROM_2017", "ROEST_2023", "SHARF_2010"]
