# %% [markdown]
# # Lesson 08 — Capstone: analyse a clinic of your own
#
# *About 75 minutes. Uses everything from lessons 03–07; no new statistics.*
#
# In this last lesson you run a small study from start to finish. The kit's generator
# makes a fresh synthetic clinic from a **seed** (a number that fixes the random draws).
# You describe the clinic, measure how the early alliance goes with improvement, ask how
# much therapists differ, look for ruptures, and then write up what you found in a short
# report, the way a results section of a paper or a service evaluation would.
#
# ## What you will be able to do
#
# - carry out a complete, guided analysis of alliance and outcome data;
# - report a correlation with its interval and its share of variance, and set it beside
#   the meta-analyses;
# - say how much of what you found could change with another sample of the same clinic;
# - write a short, honest summary: what the data show, what they cannot show.
#
# Every exercise's check works out the right answer from *your* data, so it is ready for
# whatever seed you choose.

# %%
import altair as alt
import pandas as pd
from IPython.display import Markdown, display

import alliance_lessons as ex
import alliance_widgets as aw
from alliance_widgets import literature as lit
from alliance_widgets.charts import PALETTE
from alliance_widgets.science import (
    between_within_effects,
    correlation_ci,
    detect_ruptures_by_client,
    therapist_icc,
)

# %% [markdown]
# ## 0 · Choose your seed
#
# The notebook ships with the seed below so that everyone's first run shows the same
# numbers (and so that the course's automatic checks can compare them). **Make the study
# your own:** change `SEED` to any whole number you like (your birthday as `1207`, say),
# then choose *Run → Run All Cells*. Every number and chart below will change; the
# exercise checks follow your data.

# %%
SEED = 808  # ← change this to your own number (any whole number from 0 up)
N_THERAPISTS = 30
CLIENTS_PER_THERAPIST = 10

study = aw.simulate(
    seed=SEED,
    n_therapists=N_THERAPISTS,
    clients_per_therapist=CLIENTS_PER_THERAPIST,
    items=False,
)
clients, sessions = study.clients, study.sessions
print(
    f"Your clinic (seed {SEED}): {clients.therapist_id.nunique()} therapists, "
    f"{len(clients)} clients, {len(sessions)} sessions. Synthetic data for teaching."
)

# %% [markdown]
# The generator knows the "true" values it built into the clinic. We keep them hidden
# until section 6, so that you analyse the data the way a researcher must: without
# knowing the answer.
#
# ## 1 · The clinic at a glance
#
# One row per client (lesson 03). `intake_outcome` and `final_outcome` are OQ-45
# scores, where **higher means more distress**; `improvement` is intake minus final, so
# a higher improvement is better; `early_alliance` is the mean WAI-SR rating of the
# first sessions (1–5).

# %%
clients.head()

# %%
cutoff = lit.OQ45_CLINICAL_CUTOFF.value
above = int((clients.intake_outcome > cutoff).sum())
print(f"{above} of {len(clients)} clients started above the clinical cutoff of {cutoff:g}.")
print(f"Sessions attended: from {clients.n_sessions.min()} to {clients.n_sessions.max()}.")
print(
    "(In this simulation, how long a client stayed does not change how much they improved: "
    "clients leave at random and reach their own final score whenever they stop.)"
)
clients[["intake_outcome", "final_outcome", "improvement", "early_alliance"]].describe().round(2)

# %% [markdown]
# How to read this table: `count` is the number of clients; `mean` the average; `std`
# the standard deviation (how far a typical client lies from the average); `min` and
# `max` the extremes; and `25%`, `50%`, `75%` the values below which a quarter, half
# and three quarters of the clients lie (`50%` is the median). Start with the
# `improvement` column:

# %%
gain = clients.improvement
display(
    Markdown(
        f"The average client improved by **{gain.mean():.1f}** OQ-45 points (the reliable "
        f"change is {lit.OQ45_RELIABLE_CHANGE.value}), but the spread is wide: the standard "
        f"deviation is {gain.std():.1f} points. {int((gain < 0).sum())} clients ended with a "
        f"higher (worse) score than they started, but only "
        f"{int((clients.change_category == 'deteriorated').sum())} by at least the reliable "
        "change, so only those count as *deteriorated* below; the rest is within "
        "measurement error."
    )
)

# %% [markdown]
# How did the clients end up? The categories come from lesson 07 (reliable change of
# the OQ-45 and its clinical cutoff).

# %%
outcomes = (
    clients.change_category.value_counts()
    .reindex(["recovered", "improved", "unchanged", "deteriorated"], fill_value=0)
    .rename("clients")
    .to_frame()
)
outcomes["share"] = (outcomes.clients / len(clients)).round(2)
outcomes

# %% [markdown]
# ## 2 · Alliance and improvement
#
# The first question of any alliance study: do clients with a stronger early alliance
# improve more? Start with a picture. Each dot is a client; the line is the best
# straight line through the dots.

# %%
r_seen = clients.early_alliance.corr(clients.improvement)
scatter_summary = (
    f"Scatter plot of early alliance against improvement for the {len(clients)} clients "
    f"of seed {SEED}: the dots drift {'upward' if r_seen > 0 else 'downward'} to the "
    f"right, with a wide spread at every level of alliance."
)
dots = (
    alt.Chart(clients)
    # aria=False: 300 per-dot screen-reader labels would say less than the one-sentence
    # summary, and would double the stored size of the chart.
    .mark_circle(size=35, opacity=0.6, color=PALETTE["alliance"], aria=False)
    .encode(
        x=alt.X(
            "early_alliance:Q", title="Early alliance (WAI-SR, 1–5)", scale=alt.Scale(zero=False)
        ),
        y=alt.Y("improvement:Q", title="Improvement (OQ-45 points; higher is better)"),
        tooltip=["client_id", "therapist_id", "early_alliance", "improvement"],
    )
)
# the fitted line's ends rounded: a reader needs two decimals, not twelve
trend = (
    dots.transform_regression("early_alliance", "improvement")
    .transform_calculate(improvement="round(datum.improvement * 100) / 100")
    .mark_line(color=PALETTE["observed"], size=2)
)
(dots + trend).properties(
    title="Early alliance and improvement in your clinic",
    description=scatter_summary,
    width=420,
    height=260,
)

# %% [markdown]
# ### Exercise 8.1 · The correlation
#
# Compute the correlation r between `early_alliance` and `improvement` in `clients`
# (lesson 04). Careful with the direction: use `improvement`, not `final_outcome`.

# %% tags=["exercise"]
answer_8_1 = None  # clients["early_alliance"].corr(...)

# %% tags=["solution"]
answer_8_1 = clients["early_alliance"].corr(clients["improvement"])
print(f"r = {answer_8_1:.3f}")

# %%
ex.check_capstone_r(answer_8_1, clients)

# %% [markdown]
# ### Exercise 8.2 · Does it hold for the clients who needed help most?
#
# A service manager asks whether the link holds for the clients who started in the
# clinical range. Compute r again for the clients whose `intake_outcome` is **above the
# clinical cutoff** (printed in section 1) only.

# %% tags=["exercise"]
answer_8_2 = None  # clients[clients.intake_outcome > cutoff] ... .corr(...)

# %% tags=["solution"]
above_cutoff = clients[clients.intake_outcome > cutoff]
answer_8_2 = above_cutoff["early_alliance"].corr(above_cutoff["improvement"])
print(f"r = {answer_8_2:.3f} in {len(above_cutoff)} clients")

# %%
ex.check_capstone_subgroup_r(answer_8_2, clients)

# %% [markdown]
# Is the subgroup's r different from the whole clinic's? Probably a little, one way or
# the other. Before you report that as "the alliance matters more (or less) for more
# distressed clients", remember that a subgroup has fewer clients, so its r wobbles more
# (lesson 04), and that the generator built the same link into every client. Looking at
# many subgroups and reporting the one that differs is how chance findings get published.

# %% [markdown]
# ### Exercise 8.3 · How sure can you be?
#
# One clinic is one sample. Give the **95 % interval** of your r as a pair
# `(low, high)`. `correlation_ci(x, y)` returns an estimate with `.low` and `.high`.

# %% tags=["exercise"]
answer_8_3 = None  # (low, high)

# %% tags=["solution"]
estimate = correlation_ci(clients["early_alliance"], clients["improvement"])
answer_8_3 = (estimate.low, estimate.high)
print(estimate)

# %%
ex.check_capstone_ci(answer_8_3, clients)

# %% [markdown]
# ### Does your clinic agree with the literature?
#
# The largest meta-analysis found the correlation printed below, with a narrow 95 %
# confidence interval. It is tempting to ask whether that r lies inside *your* interval.
# But the meta-analysis's interval is about the **average** correlation over 295
# studies, and those studies did not all find the same thing: they were
# **heterogeneous** (lesson 04), differing by more than sampling error. So even a
# perfectly run study in a real clinic should not be expected to find .278. The right
# yardstick is a **prediction interval**: the range in which the r of one new study of
# your size should fall, given the average, the spread of true effects between studies
# (τ) and your study's own sampling error.

# %%
print(lit.ALLIANCE_OUTCOME_R_2018.describe())
print(lit.ALLIANCE_OUTCOME_HETEROGENEITY_2018.note)

# %% [markdown]
# The paper's records read for this kit give no τ and no prediction interval, so the kit
# back-calculates τ from the I² as commonly reported, using the definition
# I² = τ² / (τ² + v), where v = 1 / (n − 3) is the sampling variance of a typical study's
# r on Fisher's z scale. Its inputs, printed:

# %%
i2_low, i2_high = lit.ALLIANCE_OUTCOME_HETEROGENEITY_2018.extra["i2_as_commonly_reported"]
meta = lit.ALLIANCE_OUTCOME_R_2018
tau = ex.literature_tau()
pi_low, pi_high = ex.capstone_prediction_interval(clients)
display(
    Markdown(
        f"I² ≈ {i2_low:g}–{i2_high:g} % (as commonly reported; the kit takes the middle, "
        f"{(i2_low + i2_high) / 2:g} %); a typical study of about {meta.n / meta.k:.0f} "
        f"patients (more than {meta.n:,} patients ÷ {meta.k} studies). That gives "
        f"τ ≈ **{tau:.2f}** on the z scale. For a new study of your {len(clients)} clients, "
        f"the 95 % prediction interval is **{pi_low:.2f} to {pi_high:.2f}**, against the "
        f"meta-analysis's confidence interval of {meta.ci[0]} to {meta.ci[1]}."
    )
)

# %% [markdown]
# See how much wider the prediction interval is: most of that width is the real spread
# between studies, not your clinic's sampling error.
#
# ### Exercise 8.4 · The right yardstick
#
# Does **your r** (Exercise 8.1) lie inside the prediction interval printed above?
# Answer `True` or `False`.

# %% tags=["exercise"]
answer_8_4 = None  # True or False

# %% tags=["solution"]
answer_8_4 = bool(pi_low <= answer_8_1 <= pi_high)
answer_8_4

# %%
ex.check_capstone_in_interval(answer_8_4, clients)

# %% [markdown]
# ## 3 · Your clinic among a hundred others
#
# Had you picked another seed, you would have "run" another study of the same kind of
# clinic. Here are one hundred of them (seeds 1 to 100, same design), each reduced to
# its r. Your own clinic is the orange line.

# %%
other_r = pd.DataFrame(
    {
        "seed": range(1, 101),
        "r": [
            aw.simulate(
                seed=s,
                n_therapists=N_THERAPISTS,
                clients_per_therapist=CLIENTS_PER_THERAPIST,
                items=False,
            ).clients.pipe(lambda c: c.early_alliance.corr(c.improvement))
            for s in range(1, 101)
        ],
    }
)
middle = other_r.r.quantile([0.025, 0.975])
spread_summary = (
    f"Histogram of r in 100 simulated clinics of {len(clients)} clients: the middle 95 % "
    f"run from {middle.iloc[0]:.2f} to {middle.iloc[1]:.2f}; your clinic's r is "
    f"{r_seen:.2f}."
)
bars = (
    alt.Chart(other_r)
    .mark_bar(color=PALETTE["muted"])
    .encode(
        x=alt.X("r:Q", bin=alt.Bin(step=0.025), title="r in one simulated clinic"),
        y=alt.Y("count():Q", title="Clinics"),
    )
)
yours = (
    alt.Chart(pd.DataFrame({"r": [r_seen]}))
    .mark_rule(color=PALETTE["highlight"], size=3)
    .encode(x="r:Q")
)
(bars + yours).properties(
    title="One study is one draw", description=spread_summary, width=420, height=200
)

# %% [markdown]
# The spread of this histogram is what your 95 % interval tries to estimate from a
# single clinic. A study that lands at one end is not wrong, just unlucky; that is why
# meta-analyses pool many studies, and why one clinic's r should be reported with its
# interval.
#
# ## 4 · Do therapists differ?
#
# Clients are nested in therapists (lesson 06). How much of the variance in improvement
# lies between therapists?
#
# ### Exercise 8.5 · The therapists' share
#
# Compute the ICC of `improvement` with `therapist_icc(clients, outcome=...)` and give
# its value (`.value`) as a proportion.

# %% tags=["exercise"]
answer_8_5 = None  # a proportion between 0 and 1

# %% tags=["solution"]
icc = therapist_icc(clients, outcome="improvement")
answer_8_5 = icc.value
print(icc)

# %%
ex.check_capstone_icc(answer_8_5, clients)

# %% [markdown]
# And whose alliance goes with improvement: the therapist part (between therapists) or
# the client part (within a therapist's caseload)? The slopes are OQ-45 points per
# point of alliance, with 95 % intervals.

# %%
# The kit's REML fit of the between/within model: same model as between_within_effects,
# and it still gives an answer when the therapist variance is estimated at zero, where
# the general-purpose fitter can fail on some seeds.
slopes = between_within_effects(clients)
slopes.round(2)

# %%
parts = {
    "between": "one more point of a therapist's average alliance",
    "within": "one more point of alliance above one's own therapist's average",
}
for part, meaning in parts.items():
    low, high = slopes.loc[part, "ci_low"], slopes.loc[part, "ci_high"]
    verdict = "includes 0: no clear link" if low <= 0 <= high else "excludes 0"
    print(
        f"{part}: {meaning} goes with "
        f"{slopes.loc[part, 'estimate']:.1f} more points of improvement "
        f"(95 % interval {low:.1f} to {high:.1f}, which {verdict})."
    )
te = lit.THERAPIST_EFFECTS
print(te.describe())
print(lit.BALDWIN_2007_DESIGN.describe())
print(lit.BALDWIN_2007_DESIGN.note)

# %% [markdown]
# With a few dozen therapists, the between slope's interval is wide (lesson 06): read
# it before you read the estimate.
#
# ## 5 · Ruptures
#
# Apply the kit's rupture rule (lesson 05) to every client. In what share of sessions
# does a rupture start, and how many of those ruptures were repaired?

# %%
found = detect_ruptures_by_client(sessions)
rupture_share = float(found.rupture.mean())
repaired = found.loc[found.rupture, "repaired"].dropna().astype(bool)
freq_low, freq_high = lit.RUPTURE_FREQUENCY.value
print(
    f"A rupture starts in {rupture_share:.0%} of sessions; by the kit's rule, "
    f"{repaired.mean():.0%} of those whose outcome is known were repaired."
)
print(
    f"Clients in real studies report ruptures in about {freq_low:.0%}–{freq_high:.0%} of "
    f"sessions ({lit.RUPTURE_FREQUENCY.cite()}, {lit.RUPTURE_FREQUENCY.status})."
)

# %% [markdown]
# The two numbers measure different things. The 20–40 % is the share of sessions in
# which clients say yes when asked about tension or a problem; yours is the share of
# sessions in which a dip in a 12-item alliance mean *starts*. The generator's own
# rupture rate was set to match the self-reports, so inside this simulation the gap shows
# what a dip detector misses (lesson 05); in a real clinic you could not tell that gap
# from a difference in what is measured.
#
# ## 6 · Behind the curtain
#
# Now the generator's own settings: what it built into *every* clinic of this kind. Set
# them beside your estimates.

# %%
print(study.summary())

# %%
icc_now = therapist_icc(clients, outcome="improvement")
r_now = correlation_ci(clients["early_alliance"], clients["improvement"])
truth = pd.DataFrame(
    {
        "built in": [
            study.params["alliance_outcome_r"],
            study.params["therapist_icc_outcome"],
            study.model.between_therapist_effect,
            study.model.within_therapist_effect,
        ],
        "your estimate": [r_now.value, icc_now.value, *slopes.estimate],
        "95 % low": [r_now.low, icc_now.low, *slopes.ci_low],
        "95 % high": [r_now.high, icc_now.high, *slopes.ci_high],
    },
    index=["alliance–outcome r", "therapists' share (ICC)", "between slope", "within slope"],
)
truth["inside?"] = (truth["95 % low"] <= truth["built in"]) & (
    truth["built in"] <= truth["95 % high"]
)
truth.round(3)

# %% [markdown]
# Look at the slopes in particular. One clinic's between slope can land far from the
# value built in (lesson 06 showed how widely it wobbles), even when its interval still
# includes the truth; the within slope, resting on every client, lands closer.
#
# A real researcher never gets to see this table. The habits that protect you without
# it are the ones this course has practised: report intervals, compare with many
# studies, and do not read more into one sample than it holds.
#
# ## 7 · Write it up
#
# Your numbers, collected in one place (computed afresh, so they follow your seed):

# %%
display(
    Markdown(
        f"| quantity | your clinic |\n|---|---|\n"
        f"| seed | {SEED} |\n"
        f"| therapists, clients | {clients.therapist_id.nunique()}, {len(clients)} |\n"
        f"| recovered | {outcomes.loc['recovered', 'share']:.0%} |\n"
        f"| r (early alliance, improvement) | {r_now.value:.2f} [{r_now.low:.2f}, "
        f"{r_now.high:.2f}] |\n"
        f"| share of variance | {100 * r_now.value**2:.1f} % |\n"
        f"| therapists' share (ICC) | {icc_now.value:.2f} [{icc_now.low:.2f}, "
        f"{icc_now.high:.2f}] |\n"
        f"| sessions in which a rupture starts | {rupture_share:.0%} |"
    )
)
print(
    f"seed {SEED}; {clients.therapist_id.nunique()} therapists, {len(clients)} clients; "
    f"r = {r_now.value:.2f} [{r_now.low:.2f}, {r_now.high:.2f}]; "
    f"{100 * r_now.value**2:.1f} % of variance; ICC = {icc_now.value:.2f} "
    f"[{icc_now.low:.2f}, {icc_now.high:.2f}]; a rupture starts in {rupture_share:.0%} of sessions."
)

# %% [markdown]
# ### The template
#
# Copy this template into the exercise cell below and fill in the blanks in your own
# words (four to six sentences in all).
#
# > **Data.** The data are a synthetic clinic generated with seed ___: ___ therapists
# > and ___ clients, ___ % of whom recovered.
# >
# > **Alliance and outcome.** Early alliance and improvement correlated r = ___ (95 %
# > interval ___ to ___), so the alliance shares about ___ % of the variance in
# > improvement. It lies ___ the prediction interval from the 2018 meta-analysis
# > (___ to ___).
# >
# > **Therapists.** Therapists accounted for about ___ of the variance in improvement
# > (ICC, interval ___ to ___).
# >
# > **What this does and does not show.** This is an association, not proof that the
# > alliance causes improvement, because ___. The intervals show that ___.
#
# ### Exercise 8.6 · Your write-up
#
# Paste your finished text between the triple quotes. The check compares three facts in
# it with your data: your seed, your number of clients and your r (to two decimals). It
# does not mark your reasoning; you do that next, with a rubric.

# %% tags=["exercise"]
answer_8_6 = None  # your write-up between triple quotes: """The data are ..."""

# %% tags=["solution"]
agreement = "inside" if pi_low <= r_now.value <= pi_high else "outside"
answer_8_6 = (
    f"The data are a synthetic clinic generated with seed {SEED}: "
    f"{clients.therapist_id.nunique()} therapists and {len(clients)} clients, "
    f"{outcomes.loc['recovered', 'share']:.0%} of whom recovered. Early alliance and "
    f"improvement correlated r = {r_now.value:.2f} (95 % interval {r_now.low:.2f} to "
    f"{r_now.high:.2f}), so the alliance shares about {100 * r_now.value**2:.0f} % of the "
    f"variance in improvement; it lies {agreement} the prediction interval from the 2018 "
    f"meta-analysis ({pi_low:.2f} to {pi_high:.2f}). Therapists accounted for about "
    f"{icc_now.value:.2f} of the variance (ICC, interval {icc_now.low:.2f} to "
    f"{icc_now.high:.2f}). This is an association, not proof of cause: clients who "
    "improve early may rate the alliance higher. The intervals show that another "
    "sample of the same clinic could give quite different numbers."
)
print(answer_8_6)

# %%
ex.check_capstone_writeup(answer_8_6, clients, seed=SEED)

# %% [markdown]
# **Now mark your own reasoning.** Score each line of the rubric 0 (missing), 1 (partly)
# or 2 (clearly there), then swap with a classmate and compare scores:

# %%
for criterion, what in ex.WRITEUP_RUBRIC.items():
    print(f"{criterion}: {what}")

# %% [markdown]
# Then compare with a model write-up for your own clinic. It is one good answer, not the
# only one:

# %%
print(ex.capstone_model_writeup(clients, seed=SEED))

# %% [markdown]
# ## Going further: the explorers on your clinic
#
# Every explorer of the course can be pointed at a design like yours. Copy a line into a
# new cell (*Insert → Insert Cell Below*, or press `B`) and run it:
#
# ```python
# aw.TherapistEffectsExplorer(
#     n_therapists=N_THERAPISTS, clients_per_therapist=CLIENTS_PER_THERAPIST, seed=SEED
# )
# ```
#
# draws *your* clinic (the same generator and seed, so the same ICC as in section 4) with
# every therapist's caseload; move its sliders to see how your results would change in a
# clinic with more therapists or larger caseloads.
#
# ```python
# aw.AllianceOutcomeExplorer(n_clients=len(clients), seed=SEED)
# ```
#
# simulates a simpler clinic of your size: press its *New sample* button a few times and
# compare the spread of r with section 3.
#
# ```python
# aw.RuptureRepairExplorer(seed=SEED % 10000)
# ```
#
# shows ruptures and repair in a clinic made with your seed (it accepts seeds up to
# 9,999), and `aw.FeedbackExplorer(intake=110, course="deteriorating")` follows a client
# who gets worse, with the warnings a feedback system would give.

# %% [markdown]
# ## What this lesson corrects
#
# - *"My study found it, so it is true."* One clinic is one draw (section 3). Report the
#   interval, and compare with studies that pooled many clinics.
# - *"My r is outside the meta-analysis's confidence interval, so my clinic disagrees
#   with the literature."* That interval is for the average over studies; when studies
#   differ, the yardstick for one study is the much wider prediction interval.
# - *"The link is stronger in this subgroup."* A subgroup's r wobbles more; one
#   difference among many possible subgroups is not a finding.
# - *"The alliance explains r × 100 % of outcome."* Square it first: an r near the
#   meta-analytic value is under a tenth of the variance (about 8 %).
# - *"A correlation shows the alliance causes improvement."* It shows they go together;
#   early improvement can raise later alliance ratings, and something about the client
#   can raise both. Lesson 09 builds each of these worlds with the same r and shows the
#   session-by-session design that tells them apart.
# - *"No clear therapist effect here means therapists do not matter."* With a few dozen
#   therapists the ICC's interval is wide: absence of evidence is not evidence of absence.
#
# ## Reflection and practice
#
# - Compare your write-up with a classmate who used another seed. Where do your numbers
#   differ, and would you draw different conclusions?
# - If a service manager asked you, on the strength of one clinic's data, to rank
#   therapists by their clients' alliance, what would you say?
# - Which result of this course would change how you work with your next client? Try
#   one habit from the course this week, for example asking at the end of a session:
#   *"Did you feel heard today? Is there anything I got wrong?"*
# - Think of a client (or a person you helped) with whom an alliance was hard to build.
#   What would a rupture with them have looked like, and how might you have repaired it?
#
# ## References

# %%
for ref in lit.references(
    lit.ALLIANCE_OUTCOME_R_2018,
    lit.ALLIANCE_OUTCOME_HETEROGENEITY_2018,
    lit.OQ45_CLINICAL_CUTOFF,
    lit.THERAPIST_EFFECTS,
    lit.BALDWIN_2007_DESIGN,
    lit.RUPTURE_FREQUENCY,
):
    print("-", ref)

# %% [markdown]
# **Well done:** that is the core course. **Next:** lesson 09, *Does the alliance cause
# change?*, takes up the causal question your write-up left open. The instructor's guide
# (`lessons/INSTRUCTOR.md`) lists further reading and discussion questions.
