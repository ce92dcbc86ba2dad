# %% [markdown]
# # Lesson 09 — Does the alliance cause change?
#
# *Estimated time: 50 minutes (four stories and four clinics 10, the explorer and the
# lagged analysis 15, the mystery studies 8, completers 7, whose rating 5, the note 5).
# Builds on lessons 03 (the data), 04 (correlation) and 06 (comparing a client with
# themself). The generator's technical note and the reading list are optional.*
#
# Lesson 04 ended with a question every thoughtful student asks after "r = .28": *which
# way does it run?* Does a good alliance help a client get better, or does getting better
# make the alliance feel good, or does something about the client do both? In this lesson
# you **make** each of these worlds with the kit's generator, see that the number most
# studies report can look the same in all of them, and then use the design that research
# has moved to, session-by-session ratings analysed within each client, to tell them
# apart. Two traps come last: studying only the clients who stayed, and forgetting to ask
# *whose* rating of the alliance a study used.
#
# ## What you will be able to do
#
# - describe four causal worlds (the alliance drives change; change drives the alliance;
#   a common cause raises both; each drives the other) in clinical terms;
# - explain why an alliance–outcome correlation across clients cannot tell them apart;
# - read a within-client lagged analysis and say which world it points to;
# - explain how analysing only clients who completed therapy can change a correlation;
# - say why "whose rating?" (client, therapist, observer) matters when reading a study;
# - say what a practising therapist can, and cannot, take from this research.

# %%
import pandas as pd
from IPython.display import Markdown, display

import alliance_widgets as aw
from alliance_lessons import (
    CAUSAL_RUBRIC,
    SAME_R_OPTIONS,
    WORLD_WORDS,
    causal_model_note,
    check_causal_note,
    check_completer_r,
    check_mystery_r,
    check_rater_agreement,
    check_same_r_everywhere,
    check_study_worlds,
    lagged_verdict,
    rater_options,
    world_options,
)
from alliance_widgets import literature as lit
from alliance_widgets.datasets import study_worlds
from alliance_widgets.science import CAUSAL_MODELS, simulate, within_client_lagged
from alliance_widgets.widgets import CausalExplorer

pd.set_option("display.max_colwidth", 90)

# %% [markdown]
# ## Four stories behind one correlation
#
# Picture a client, Sam, in twelve sessions of therapy for low mood. After every session
# Sam rates the alliance (the WAI-SR of lesson 01), and before every session Sam fills in
# the OQ-45 (lesson 03; higher means more distress). Across a clinic, clients with a
# stronger early alliance improve more by the end: r is about .28 (lesson 04). Here are
# four different stories of why, and a clinic run on any of them would show that
# correlation.
#
# 1. **The alliance drives change.** In a session where Sam feels understood and agrees
#    with the therapist on what to work on and how, Sam leaves more engaged: tries the
#    homework, risks a difficult conversation, and feels less distressed by the next
#    week. The bond, goals and tasks are part of *how* therapy works (Bordin, lesson 01).
# 2. **Change drives the alliance.** Sam sleeps better after the second session and
#    thinks "this is working": Sam then rates the therapist, the goals and the tasks more
#    warmly. The alliance rating is a thermometer of progress, not its engine.
# 3. **A common cause raises both.** Some clients find it easier to trust, are more
#    motivated, or have more support at home. Such a client forms a good alliance *and*
#    improves more, but neither acts on the other: take away the good alliance and the
#    client improves just as much. Researchers call the stable part of a client's
#    alliance *trait-like* and the session-to-session ups and downs *state-like*
#    (Zilcha-Mano's distinction). A stable alliance level may matter too; data that
#    compare clients with one another cannot tell it from a common cause.
# 4. **Each drives the other.** A good session helps Sam feel better, feeling better
#    makes the next session easier to use, and so on: an upward spiral (or, after a
#    rupture, a downward one).
#
# All four are clinically plausible; practitioners can tell stories of each. The question
# is what data could tell them apart.
#
# ### Exercise 9.1 · Predict first
#
# The kit's generator can build each world. In which of them will clients' **early
# alliance** and their **improvement by the end** correlate clearly positively across
# clients? Answer with the letter in quotes.

# %%
for letter, text in SAME_R_OPTIONS.items():
    print(f"{letter}  {text}")

# %% tags=["exercise"]
answer_9_1 = None  # your answer here, e.g. "a"

# %% tags=["solution"]
answer_9_1 = "d"

# %%
check_same_r_everywhere(answer_9_1)

# %% [markdown]
# ## Four clinics, one number
#
# Here are four synthetic clinics of the same size, one per world (the generator's name
# for each world is on the left). For each, the familiar number: the correlation across
# clients between early alliance (the mean of sessions 1–3) and improvement by the end.
# Researchers call this a **cross-sectional** analysis: one snapshot per client,
# compared across clients, with no time order inside a client.

# %%
N_THERAPISTS, CLIENTS_PER_THERAPIST = 120, 10
worlds = {
    world: simulate(
        causal_model=world,
        n_therapists=N_THERAPISTS,
        clients_per_therapist=CLIENTS_PER_THERAPIST,
        items=False,
        seed=2609,
    )
    for world in CAUSAL_MODELS
}
cross = pd.DataFrame(
    {
        "world": list(worlds),
        "in words": [WORLD_WORDS[w] for w in worlds],
        "clients": [len(s.clients) for s in worlds.values()],
        "r (early alliance, improvement)": [
            round(s.clients["early_alliance"].corr(s.clients["improvement"]), 2)
            for s in worlds.values()
        ],
    }
)
cross

# %% [markdown]
# The four correlations are about equal **by construction**: the kit tunes each world to
# give r ≈ .28. The point is not that real worlds give identical r's, but that each
# *can* give an r this size. It is also about the size of the published one:

# %%
print(lit.ALLIANCE_OUTCOME_R_2018.describe())

# %% [markdown]
# Adjusting for what clients bring to therapy leaves the published correlation about as
# large (lesson 04):

# %%
print(lit.ALLIANCE_OUTCOME_R_ADJUSTED_2020.describe())

# %% [markdown]
# That rules out the common causes a study *measured*, not the ones it did not, and it
# says nothing about improvement raising the alliance. A study that reports this
# correlation, however large and careful, has measured something all four worlds
# produce. That is the first misconception this lesson corrects: **a strong r does not
# mean the alliance works.** It means the alliance and improvement go together.
#
# ## The explorer: choose the world, then the analysis
#
# The explorer below simulates a clinic in each of the four worlds (one row each) and
# marks the world you pick as the *true* world of your clinic. In its text each
# estimate comes with a bracketed range, e.g. 0.27 [0.21, 0.33]: its 95 % interval,
# about the estimate ± 2 standard errors (the values the data are compatible with).
#
# 1. With the *cross-sectional* analysis, click (or Tab to and use the arrow keys on)
#    each **True world** option. All four rows show r ≈ .28, so the number cannot tell
#    you which world is true.
# 2. Now choose the *lagged, within client* analysis (explained in the next section)
#    and pick the worlds again: which rows now show an effect clearly above 0?
#
# The sentence under the chart says what it shows; a screen reader reads it too.

# %%
explorer = CausalExplorer(
    world="alliance_drives_change", analysis="cross_sectional", n_clients=1000, seed=9
)
explorer

# %% [markdown]
# You can drive it from Python too. Here is the world where change drives the alliance,
# read session by session:

# %%
explorer.world = "change_drives_alliance"
explorer.analysis = "lagged"
print(explorer.summary)

# %% [markdown]
# ## Within one client, session by session
#
# The lagged analysis asks a different question from the correlation across clients.
# **Within-client** means it compares each client **with themself**, as lesson 06 did
# with a therapist's own clients. **Lagged** means it pairs what happened at one session
# with what happens by the **next** one, so we know which came first:
#
# - *alliance → change*: in sessions where a client's alliance was higher than **their
#   own usual level**, did their distress fall more by the next session? (In OQ-45
#   points of improvement per WAI-SR point above their usual alliance.)
# - *change → alliance*: when a client's distress fell more from one session to the
#   next, did **their** alliance rise at that next session? (In WAI-SR points per 10
#   OQ-45 points of improvement.)
#
# Comparing a client with themself removes everything stable about them (how easily
# they trust, their motivation, their history: the trait-like part), which is what the
# common cause in Sam's third story is made of. Causes that change from week to week
# are not removed. Time order helps separate "the alliance came first" from "the change
# came first", but only as finely as the measurement: if mood lifts *during* a session,
# the end-of-session rating already contains that change. And comparing each client
# with their own mean biases the estimates when clients have few sessions (many studies
# have 5–7; the kit's clients have up to 12, which shrinks the bias but does not remove
# it). Falkenström and colleagues set out these advantages and traps:

# %%
print(lit.FALKENSTROM_2017.reference())

# %% [markdown]
# Here is the lagged analysis of each of the four clinics. Because the data are
# synthetic, we can also print what the generator built into each world (the *true*
# lagged effects), which no real study ever knows:


# %%
def shown(x: float, digits: int = 2) -> float:
    """``x`` rounded for a table, without a "-0.00"."""
    return round(float(x), digits) + 0.0


rows = []
for study in worlds.values():
    est = within_client_lagged(study.sessions, alliance="alliance", outcome="outcome")
    truth = study.lagged
    rows.append(
        {
            ("alliance → change", "estimate"): shown(est.alliance_to_change),
            ("alliance → change", "SE"): shown(est.alliance_to_change_se),
            ("alliance → change", "built in"): shown(truth.alliance_to_change),
            ("change → alliance", "estimate"): shown(est.change_to_alliance),
            ("change → alliance", "SE"): shown(est.change_to_alliance_se, 3),
            ("change → alliance", "built in"): shown(truth.change_to_alliance),
            ("", "points to"): WORLD_WORDS[lagged_verdict(est)],
        }
    )
lagged = pd.DataFrame(rows, index=pd.Index([WORLD_WORDS[w] for w in worlds], name="true world"))
lagged.columns = pd.MultiIndex.from_tuples(lagged.columns)
lagged

# %% [markdown]
# Each direction has three columns: the estimate, its standard error (SE) and the value
# built into the world. The two directions are in different units (see above), so
# compare each estimate with its own SE, not with the other direction's estimate.
#
# The SE says how much an estimate would wobble if the same study were run again with
# new clients, so an estimate more than about two SEs above 0 is unlikely to be only
# that wobble: 0.43 with SE 0.02 is clear; 0.13 with SE 0.34 is not. An estimate
# clearly *below* 0 counts as no direction here: no world builds one in.
#
# Read the table row by row. An estimate counts as "clearly there" here when it is more
# than about two standard errors above 0; the last column applies that rule. Where
# the alliance drives change, only the first direction is clearly above 0; where change
# drives the alliance, only the second; where a common cause raises both, neither; and
# where each drives the other, both. The number that looked the same in every world now
# differs. But "neither" does not prove a common cause: it is also what you would see
# with too few clients to detect a small effect (lesson 04's power), or if a client's
# *stable* alliance level mattered while the week-to-week ups and downs did not (a
# within-client analysis tests only the session-to-session part).
#
# Research has made this move. Session-by-session studies pooled across many samples
# found effects in **both** directions in the first sessions of therapy, and a large
# primary-care study found the alliance predicting the next session's symptoms within
# patients:

# %%
for fig in (lit.ALLIANCE_SYMPTOMS_RECIPROCAL_2020, lit.ALLIANCE_NEXT_SESSION_2013):
    print(fig.describe())
    print(fig.note)
    print()

# %% [markdown]
# Note what these studies can and cannot say. The pooled abstract reports effects both
# ways but not their sizes, so the kit's reciprocal world only *mirrors their
# direction*; its sizes (half of each one-way effect) are the kit's own choice. And a
# lagged effect is evidence about timing, not proof: a third variable that *changes*
# from session to session (a new job, a new medication, a life event) could move both.
#
# *Technical detail, optional:* the generator's settings, with their status.

# %%
worlds_choice = lit.GEN_CAUSAL_WORLDS
print(f"{worlds_choice.label} ({worlds_choice.status}; {worlds_choice.cite()}):")
print(worlds_choice.note)

# %% [markdown]
# ## Four mystery studies
#
# The kit ships a dataset of four studies, A to D, each a clinic of 300 clients made in
# one of the four worlds. Which study is which is recorded in the dataset but not shown:
# your task is to find out, the way a researcher would. (As in real clinics, clients
# with a weaker alliance leave more often here, at the strength that matches the
# meta-analysis of dropout below, and every session carries the client's, the
# therapist's and an observer's rating.)

# %%
mystery = aw.load_dataset("causal")
print(mystery.title)
m_clients, m_sessions = mystery.clients, mystery.sessions
m_clients.groupby("study", observed=True).size().rename("clients").to_frame().T

# %% [markdown]
# ### Exercise 9.2
#
# First the number a cross-sectional study would report, for study A: the correlation
# across its clients between `early_alliance` and `improvement`. The clients of study A
# are the rows of `m_clients` whose `study` is `"A"`: `m_clients[m_clients["study"] ==
# "A"]`. Assign the `.corr()` result itself, or type it to at least two decimals.

# %% tags=["exercise"]
answer_9_2 = None  # your answer here: keep study A's rows, then .corr(...)

# %% tags=["solution"]
study_a = m_clients[m_clients["study"] == "A"]
answer_9_2 = study_a["early_alliance"].corr(study_a["improvement"])

# %%
check_mystery_r(answer_9_2, m_clients[m_clients["study"] == "A"], everyone=m_clients)

# %% [markdown]
# The same number for all four studies, and then the lagged, within-client analysis of
# each study's sessions:

# %%
m_r = {
    study: round(c["early_alliance"].corr(c["improvement"]), 2)
    for study, c in m_clients.groupby("study", observed=True)
}
m_est = {
    study: within_client_lagged(s, alliance="alliance", outcome="outcome")
    for study, s in m_sessions.groupby("study", observed=True)
}
m_table = pd.DataFrame(
    {
        ("r", "early alliance, improvement"): m_r,
        ("alliance → change", "estimate"): {
            k: shown(e.alliance_to_change) for k, e in m_est.items()
        },
        ("alliance → change", "SE"): {k: shown(e.alliance_to_change_se) for k, e in m_est.items()},
        ("change → alliance", "estimate"): {
            k: shown(e.change_to_alliance) for k, e in m_est.items()
        },
        ("change → alliance", "SE"): {
            k: shown(e.change_to_alliance_se, 3) for k, e in m_est.items()
        },
    }
).rename_axis("study")
m_table.columns = pd.MultiIndex.from_tuples(m_table.columns)
m_table

# %% [markdown]
# The first column could belong to any world (Exercise 9.1). The lagged columns cannot.
#
# ### Exercise 9.3
#
# Match each study to its world. Use the rule from the four clinics above: a direction
# counts when its estimate is more than about two standard errors above 0. Answer with a
# dict from study to option letter, e.g. `{"A": "a", "B": "b", "C": "c", "D": "d"}` (a
# world may fit more than one study, or none). Option c here means "neither direction
# clearly there", the pattern a common cause leaves.

# %%
for letter, text in world_options().items():
    print(f"{letter}  {text}")

# %% tags=["exercise"]
answer_9_3 = None  # your answer here: {"A": ..., "B": ..., "C": ..., "D": ...}

# %% tags=["solution"]
letters = dict(zip(WORLD_WORDS, "abcd", strict=True))
answer_9_3 = {study: letters[lagged_verdict(est)] for study, est in m_est.items()}

# %%
check_study_worlds(answer_9_3, m_est)

# %% [markdown]
# **The reveal.** The dataset records which world made each study:

# %%
made_in = study_worlds("causal")
reveal = pd.DataFrame(
    {
        "made in the world where": {k: WORLD_WORDS[w] for k, w in made_in.items()},
        "the lagged analysis points to": {
            k: WORLD_WORDS[lagged_verdict(e)] for k, e in m_est.items()
        },
    }
).rename_axis("study")
reveal["found?"] = reveal.iloc[:, 0] == reveal.iloc[:, 1]
reveal

# %% [markdown]
# Where the design finds the world, it is because each direction was either clearly
# there or clearly small. Where it misses (press **New worlds** in the explorer with few
# clients per world to see it happen), it is usually a small effect in a small study
# that fails to stand clear of 0: absence of evidence is not evidence of absence
# (lesson 04's power).

# %% [markdown]
# ## Who stays? Completers and dropout
#
# Real clients do not all stay for every session. Leaving early is linked to the
# alliance: a meta-analysis found that clients with weaker alliances dropped out more
# often:

# %%
print(lit.ALLIANCE_DROPOUT_2010.describe())
print(lit.ALLIANCE_DROPOUT_2010.note)

# %% [markdown]
# Many studies analyse only the clients who **completed** therapy, because only they
# have an end-of-therapy score. The generator can make leaving depend on the alliance:
# `dropout_alliance` sets how much a weaker alliance at a session raises the chance of
# leaving after it, whether the client's alliance is low overall or that session dipped
# (0 means clients leave at random, whatever their alliance, as in lesson 03's clinic).
# About 0.65 makes those who leave differ from those who stay as much as in Sharf et
# al.'s meta-analysis (d = .55); the mystery studies use it. Here we exaggerate it to
# 2.0 so that the selection is easy to see. Two clinics in the world where the alliance
# drives change, the same in every way but that one:

# %%
clinics = {
    dropout: simulate(
        causal_model="alliance_drives_change",
        dropout_alliance=dropout,
        n_therapists=240,
        clients_per_therapist=10,
        items=False,
        seed=2611,
    )
    for dropout in (0.0, 2.0)
}
rows = []
for dropout, study in clinics.items():
    c = study.clients
    stayed = c[c["completed"]]
    rows.append(
        {
            "dropout_alliance": dropout,
            "completed": f"{c['completed'].mean():.0%}",
            "mean early alliance, everyone": round(c["early_alliance"].mean(), 2),
            "mean early alliance, completers": round(stayed["early_alliance"].mean(), 2),
            "r, everyone": round(c["early_alliance"].corr(c["improvement"]), 2),
        }
    )
pd.DataFrame(rows)

# %% [markdown]
# When clients leave at random (the first row), the completers are a fair sample of
# everyone who started. When leaving depends on the alliance (the second row), the
# clients who stayed had a stronger early alliance on average. Here are the clients of
# that second clinic:

# %%
d_clients = clinics[2.0].clients
d_clients[["client_id", "n_sessions", "early_alliance", "improvement", "completed"]].head().round(2)

# %% [markdown]
# ### Exercise 9.4
#
# Compute the correlation between `early_alliance` and `improvement` among the clients
# who **completed** therapy only (`d_clients["completed"]` is `True` for them).

# %% tags=["exercise"]
answer_9_4 = None  # your answer here: keep the completers, then .corr(...)

# %% tags=["solution"]
completers = d_clients[d_clients["completed"]]
answer_9_4 = completers["early_alliance"].corr(completers["improvement"])

# %%
check_completer_r(answer_9_4, d_clients)

# %% [markdown]
# Both clinics, side by side (with random leaving, a gap of .02 or so between the two
# r's is chance):

# %%
pd.DataFrame(
    [
        {
            "dropout_alliance": dropout,
            "r, everyone": round(c["early_alliance"].corr(c["improvement"]), 2),
            "r, completers only": round(
                c[c["completed"]]["early_alliance"].corr(c[c["completed"]]["improvement"]), 2
            ),
        }
        for dropout, c in ((k, v.clients) for k, v in clinics.items())
    ]
)

# %%
done = d_clients["completed"]
r_completers = d_clients[done]["early_alliance"].corr(d_clients[done]["improvement"])
r_everyone = d_clients["early_alliance"].corr(d_clients["improvement"])
display(
    Markdown(
        f"Where leaving depends on the alliance: everyone r = **{r_everyone:.2f}**, "
        f"completers only r = **{r_completers:.2f}** ({done.sum():,} of "
        f"{len(d_clients):,} clients). The alliance really does drive change in this "
        "clinic, yet the completers-only analysis shows a "
        f"{'weaker' if r_completers < r_everyone else 'stronger'} link: the clients whose "
        "alliance went worst are missing, and those who stayed differ less from one another "
        "in their alliance, so it has less to predict."
    )
)

# %% [markdown]
# That is the second misconception: **"the completers show the effect."** When leaving
# depends on the alliance, a completers-only analysis answers a question about a selected
# group. Here it made the link look weaker; other ways of leaving can make it look
# stronger. Either way it drops exactly the clients for whom the alliance went worst, the
# ones a clinic most needs to understand. At the realistic 0.65 the shift is smaller
# but still there (compare study A's two r's before Exercise 9.6). In the explorer,
# set *sample* to *completers* and drag (or arrow-key) the dropout slider from 0 to 2
# (0 = leaving at random; higher = a weak alliance makes leaving more likely): does the
# completers' r drift away from everyone's?
#
# ## Whose rating?
#
# "The alliance" in a study is always somebody's **rating** of it: the client's (as in
# the kit's `alliance` column), the therapist's, or a trained observer's, made while
# watching a recording. They are different views of one relationship and agree only
# partly. The one meta-analysis of rater agreement whose record the kit could check is
# about child and adolescent therapy; its abstract says that young clients rating the
# alliance higher than their therapists matches research with adults (the kit could
# not verify an adult agreement figure):

# %%
print(lit.RATER_AGREEMENT.describe())
print(lit.RATER_AGREEMENT.note)

# %% [markdown]
# ### Exercise 9.5
#
# What does the child–therapist correlation printed above mean? Answer with the letter
# in quotes.

# %%
for letter, text in rater_options().items():
    print(f"{letter}  {text}")

# %% tags=["exercise"]
answer_9_5 = None  # your answer here, e.g. "a"

# %% tags=["solution"]
answer_9_5 = "b"

# %%
check_rater_agreement(answer_9_5)

# %% [markdown]
# The generator can add a therapist's and an observer's rating of every session. Here is
# how the three ratings go together in one clinic, and how each predicts improvement:

# %%
rated = simulate(
    raters=("client", "therapist", "observer"),
    n_therapists=N_THERAPISTS,
    clients_per_therapist=CLIENTS_PER_THERAPIST,
    items=False,
    seed=2611,
)
columns = {"client": "alliance", "therapist": "alliance_therapist", "observer": "alliance_observer"}
early = (
    rated.sessions[rated.sessions["session"] <= 3]
    .groupby("client_id", observed=True)[list(columns.values())]
    .mean()
    .join(rated.clients.set_index("client_id")["improvement"])
)
raters = pd.DataFrame(
    {
        "rater": list(columns),
        "r with the client's rating (sessions 1–3)": [
            round(early[c].corr(early["alliance"]), 2) for c in columns.values()
        ],
        "r with improvement": [
            round(early[c].corr(early["improvement"]), 2) for c in columns.values()
        ],
    }
)
raters

# %% [markdown]
# Here the therapist's rating predicts improvement much less than the client's, and the
# observer's somewhat less. That is **the kit's construction, not a finding**: they
# agree with the client's rating by the youth figures above, and in these worlds only
# the client's experience drives change. (For dropout, Sharf et al. found no
# significant difference between client-, therapist- and observer-rated alliance.)
# Take the question, not the numbers: the same clinic can give a different
# "alliance–outcome correlation" depending on whose rating a study used. When you read
# a study, look for who rated the alliance, and when (a rating after session 3 already
# contains three weeks of change).
#
# ## Exercise 9.6 · Explain it to a colleague
#
# A colleague says: *"Study A's data prove that the alliance works: r is positive."*
# Write a short note (four to six sentences) in reply. Start with study A's correlation
# to two decimals; then say what else could produce it, what design could tell the
# worlds apart, what a completers-only analysis can do, and what a therapist can still
# take from it. The numbers below may help. The check looks only for your r; your note
# will be self-marked against these five points (score each 0 = missing, 1 = partly,
# 2 = clearly there):

# %%
study_a = m_clients[m_clients["study"] == "A"]
a_done = study_a[study_a["completed"]]
a_everyone = study_a["early_alliance"].corr(study_a["improvement"])
a_completers = a_done["early_alliance"].corr(a_done["improvement"])
print(
    f"Study A: r = {a_everyone:.2f} among all {len(study_a)} clients, r = {a_completers:.2f} "
    f"among the {len(a_done)} who completed."
)

# %%
for criterion, what in CAUSAL_RUBRIC.items():
    print(f"{criterion}: {what}")

# %% tags=["exercise"] manual=true
answer_9_6 = None  # your note between triple quotes: """Across clients, ..."""

# %% tags=["solution"]
answer_9_6 = causal_model_note(
    m_r["A"], m_est["A"], r_completers=a_completers, r_everyone=a_everyone
)
print(answer_9_6)

# %%
check_causal_note(answer_9_6, m_r["A"])

# %% [markdown]
# **Now mark your own reasoning** with the rubric above; then swap with a classmate (or,
# working alone, compare with the model note). A model note, written from this lesson's
# numbers (one good answer, not the only one):

# %%
print(causal_model_note(m_r["A"], m_est["A"], r_completers=a_completers, r_everyone=a_everyone))

# %% [markdown]
# ## What this lesson corrects
#
# - *"A strong r means the alliance works."* A correlation across clients can arise in
#   every world: the alliance driving change, change driving the alliance, a common cause, or
#   both directions. It shows that they go together, not which way.
# - *"The completers show the effect."* When leaving depends on the alliance, the clients
#   who stay are a selected group; their correlation can be larger or smaller than among
#   everyone who began, and the clients for whom things went worst are missing.
# - *"The alliance is the client's rating."* Clients, therapists and observers agree only
#   partly; a study's result depends on whose rating it used, and when.
# - *"A lagged within-client analysis proves cause."* It removes stable common causes and
#   uses time order, which is much more than a correlation can do, but it is evidence
#   about timing, not an experiment: things that change from week to week can move
#   both, ratings taken at the end of a session already contain that session's change,
#   and short series (few sessions per client) bias the estimates.
#
# ## What a therapist can take from it
#
# - The research that can see direction finds it running **both ways** early in therapy
#   (Flückiger et al., 2020b): a session with a better alliance than a client's usual is
#   followed by less distress, and less distress by a better alliance. A good session
#   may help the next one; in that research the effects are observational (not an
#   experiment) and were studied in the first seven sessions. So work on the alliance
#   is probably not wasted, even if part of a good rating reflects progress already
#   made.
# - A good alliance rating after a few sessions may partly be a client telling you that
#   things are improving. A *falling* rating is worth asking about at once: across
#   clients, weaker alliances go with leaving early (Sharf et al.). *"Would you feel
#   able to tell me if this wasn't helping? What might make that hard?"*
# - Your view of the alliance and your client's may differ. Ask, session by session:
#   *"Did we spend today on what you wanted? Is there anything I got wrong?"*
# - Be wary of any claim, in a workshop or a paper, that rests on one correlation or on
#   completers alone.
#
# ## Reflection and practice
#
# - A service evaluates its therapists by the alliance ratings of clients who finished
#   therapy. What could go wrong, given this lesson?
# - **Practice:** at the end of your next helping conversation, ask one alliance question
#   from the list above, and notice whether the answer surprises you.
#
# ## References (a short reading list)

# %%
for ref in lit.references(
    lit.ALLIANCE_OUTCOME_R_2018,
    lit.ALLIANCE_OUTCOME_R_ADJUSTED_2020,
    lit.ALLIANCE_SYMPTOMS_RECIPROCAL_2020,
    lit.ALLIANCE_NEXT_SESSION_2013,
    lit.ALLIANCE_DROPOUT_2010,
    lit.RATER_AGREEMENT,
):
    print(ref)
print(lit.FALKENSTROM_2017.reference())

# %% [markdown]
# This is the last lesson. **Back to:** lesson 08, *Capstone*, whose write-up you can now
# strengthen with a paragraph on direction.
