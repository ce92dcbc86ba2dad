# %% [markdown]
# # Lesson 06 — Therapist effects: whose alliance matters?
#
# *About 75 minutes. Builds on lesson 03 (the synthetic clinic) and lesson 04
# (correlations and intervals). A natural break comes after section 4.*
#
# Clients do not see "therapy" in general: each sees one particular therapist. Some
# therapists' clients do better, on average, than others'. And when a client rates the
# alliance, the rating says something about the client *and* something about the
# therapist. This lesson untangles the two.
#
# ## What you will learn
#
# - explain in words what an **intraclass correlation (ICC)** is, and compute one from
#   two variances;
# - say how large therapist effects on outcome usually are, and why they are hard to
#   see in one clinic;
# - split each client's alliance into a **therapist part** (between therapists) and a
#   **client part** (within a therapist's caseload);
# - describe what Baldwin, Wampold & Imel (2007) found, and the study that disagreed;
# - say what one clinic can and cannot show, by setting it among many simulated clinics.
#
# Run the cells in order. Exercises start with `answer = None`.

# %%
import altair as alt
import pandas as pd
from IPython.display import Markdown, display

import alliance_lessons as ex
import alliance_widgets as aw
from alliance_widgets import literature as lit
from alliance_widgets.charts import PALETTE
from alliance_widgets.science import between_within_effects, therapist_icc

# %% [markdown]
# ## 1 · Clients are nested in therapists
#
# Here is the course's simulated clinic again: each client saw one therapist, and each
# therapist saw several clients. Statisticians call this **nested** data.

# %%
clinic = aw.simulate(seed=2026, items=False)
clients = clinic.clients
print(clinic.summary())
clients.groupby("therapist_id", observed=True).improvement.agg(["count", "mean"]).round(1).head()

# %% [markdown]
# The table shows the first five therapists: how many clients each saw (`count`) and
# their clients' mean improvement (`mean`).
#
# Clients differ in how much they improve (the `improvement` column: intake minus final
# OQ-45 score, so higher is better). Part of that difference might be *which therapist
# they saw*. The question "how much?" has a standard answer: the ICC.
#
# ## 2 · The intraclass correlation in words
#
# Imagine all the ways clients' improvement differs across a clinic: the total
# **variance**. Split it in two:
#
# - the **between-therapist** part: how much therapists' *average* client improvement
#   differs from one therapist to the next;
# - the **within-therapist** part: how much clients of the *same* therapist differ
#   from one another.
#
# The ICC is the between part as a share of the total:
#
# $$\text{ICC} = \frac{\text{between}}{\text{between} + \text{within}}$$
#
# An ICC of 0 means knowing the therapist tells you nothing about a client's outcome;
# an ICC of 1 would mean every client of a therapist has exactly the same outcome.
# Another way to say it: the ICC is the correlation you would expect between the
# outcomes of two clients of the same therapist.
#
# ### Exercise 6.1 · Compute an ICC
#
# In a made-up clinic, the between-therapist variance of improvement is 9 and the
# within-therapist variance is 141 (both in squared OQ-45 points). What is the ICC, as a
# proportion between 0 and 1?

# %% tags=["exercise"]
answer_6_1 = None  # a proportion, e.g. 0.25

# %% tags=["solution"]
answer_6_1 = 9 / (9 + 141)
answer_6_1

# %%
ex.check_icc_from_variances(answer_6_1, between_variance=9, within_variance=141)

# %% [markdown]
# ## 3 · How big are therapist effects?
#
# Reviews of many studies put the therapists' share of outcome variance at a few
# percent, larger in everyday clinics than in controlled trials (where therapists are
# selected, trained and supervised). The figure, as commonly reported:

# %%
te = lit.THERAPIST_EFFECTS
display(
    Markdown(
        f"Therapists account for about **{te.value:g} %** of the variance in outcome: about "
        f"{te.extra['trials']:g} % in trials and {te.extra['naturalistic']:g} % in naturalistic "
        f"settings ({te.cite()}; {te.status})."
    )
)

# %% [markdown]
# ### Exercise 6.2 · What does that share mean?
#
# Which sentence says correctly what this therapist share means? Answer with the letter.

# %%
for letter, text in ex.ICC_MEANING_OPTIONS.items():
    print(f"{letter}: {text}")

# %% tags=["exercise"]
answer_6_2 = None  # "a", "b", "c" or "d"

# %% tags=["solution"]
answer_6_2 = "d"

# %%
ex.check_icc_meaning(answer_6_2)

# %% [markdown]
# A few percent sounds small. What does it mean for clients? An ICC is a share of
# *variance*; its square root is the spread of therapists' true averages in units of the
# outcome's SD. In our clinic's units:

# %%
sd_improvement = float(clients.improvement.std())
therapist_sd = (te.value / 100) ** 0.5 * sd_improvement
display(
    Markdown(
        f"With a therapists' share of {te.value:g} %, therapists' true averages spread with "
        f"an SD of √{te.value / 100:g} ≈ **{(te.value / 100) ** 0.5:.2f} outcome SDs**: in "
        f"our clinic (SD of improvement {sd_improvement:.0f} points) a therapist one SD "
        f"above average has clients who improve about **{therapist_sd:.1f} OQ-45 points** "
        f"more than average, and one two SDs above, about {2 * therapist_sd:.0f} points more."
    )
)

# %% [markdown]
# Small for one client, but it applies to every client the therapist sees. How it
# compares with differences between treatment *methods* is disputed. Wampold and
# colleagues read the comparisons between bona fide treatments as showing almost no
# difference (the "dodo bird verdict", lesson 02); another meta-analysis found some:

# %%
print(lit.TREATMENT_DIFFERENCES.describe())
for study_name, finding in lit.TREATMENT_DIFFERENCES_CRITIQUES.value.items():
    print(f"- {study_name}: {finding}")
print(
    f"({lit.TREATMENT_DIFFERENCES_CRITIQUES.cite()}; {lit.TREATMENT_DIFFERENCES_CRITIQUES.status})"
)

# %% [markdown]
# So "therapists matter at least as much as the method" is one side of a live debate,
# not a settled result. Both sides agree that therapists differ.
#
# ## 4 · The ICC in our clinic, and why one clinic is not enough
#
# `therapist_icc` fits the standard model for nested data and returns the ICC with a
# 95 % interval. Let us compute it for improvement and for the early alliance.

# %%
icc_outcome = therapist_icc(clients, outcome="improvement")
icc_alliance = therapist_icc(clients, outcome="early_alliance")
print("improvement:   ", icc_outcome)
print("early alliance:", icc_alliance)
print(
    f"(Built into the simulation: {clinic.model.therapist_icc_outcome:.2f} and "
    f"{clinic.params['therapist_icc_alliance']:.2f}.)"
)
built_in = clinic.model.therapist_icc_outcome
inside = icc_outcome.low <= built_in <= icc_outcome.high
print(f"Does the interval for improvement include the built-in value? {'yes' if inside else 'no'}.")
print(lit.ALLIANCE_ICC_THERAPISTS.describe())

# %% [markdown]
# Look at the intervals, and compare the estimates with the values built into the
# simulation. Our clinic's ICC for improvement came out at (or near) zero, below the share
# that was built in. Is the simulation broken, or is this clinic just unlucky? One clinic
# cannot tell you. Many can: below, the same generator makes **200 more clinics** of the
# same design (seeds 1 to 200), and each gets the same analyses as ours. (It also fits the
# two alliance slopes of section 5; we come back to those there.)

# %%
many = []
for seed in range(1, 201):
    other = aw.simulate(seed=seed, items=False).clients
    icc = therapist_icc(other, outcome="improvement")
    fit = between_within_effects(other)
    many.append(
        {
            "ICC": icc.value,
            "misses": not icc.low <= built_in <= icc.high,
            "between": fit.loc["between", "estimate"],
            "within": fit.loc["within", "estimate"],
            "within excludes 0": fit.loc["within", "ci_low"] > 0,
            "between includes 0": fit.loc["between", "ci_low"] <= 0,
        }
    )
many = pd.DataFrame(many)
low_as_ours = many.ICC.le(icc_outcome.value + 0.005)
display(
    Markdown(
        f"Of the 200 clinics, **{low_as_ours.mean():.0%}** had an ICC as low as ours "
        f"({icc_outcome.value:.2f}) or lower, and the 95 % interval missed the built-in "
        f"{built_in:.2f} in **{many.misses.mean():.0%}**. The middle 90 % of the ICCs ran "
        f"from {many.ICC.quantile(0.05):.2f} to {many.ICC.quantile(0.95):.2f}."
    )
)

# %%
ours = between_within_effects(clients)
ours_between, ours_within = ours.loc["between", "estimate"], ours.loc["within", "estimate"]


def histogram(column: str, title: str, marks: dict[str, float]) -> alt.LayerChart:
    """Bars of one column of `many`, with labelled vertical lines at `marks`."""
    bars = (
        alt.Chart(many[[column]])
        .mark_bar(color=PALETTE["muted"])
        .encode(
            x=alt.X(f"{column}:Q", bin=alt.Bin(maxbins=25), title=title),
            y=alt.Y("count():Q", title="Clinics"),
        )
    )
    lines = pd.DataFrame({"x": list(marks.values()), "what": list(marks)})
    rules = (
        alt.Chart(lines)
        .mark_rule(size=3)
        .encode(
            x="x:Q",
            color=alt.Color(
                "what:N",
                title=None,
                scale=alt.Scale(range=[PALETTE["highlight"], PALETTE["observed"]]),
            ),
        )
    )
    return (bars + rules).properties(width=420, height=160)


histogram(
    "ICC",
    "ICC of improvement in one clinic",
    {"our clinic (seed 2026)": icc_outcome.value, "built in": built_in},
).properties(
    title="200 clinics built with the same therapists' share",
    description=(
        f"Histogram of the ICC of improvement in 200 simulated clinics; the built-in "
        f"{built_in:.2f} and our clinic's {icc_outcome.value:.2f} are marked. "
        f"{low_as_ours.mean():.0%} of the clinics are at or below ours."
    ),
)

# %% [markdown]
# Every one of these clinics was built the same way, with the same therapists' share.
# Yet one clinic's ICC can come out anywhere in the wide range printed above. Ours is an
# unlucky clinic, not a broken one.
#
# **What one clinic can show:** a rough upper limit for the therapists' share. **What it
# cannot show:** whether therapists differ by 0 % or by 5 %. For that you need many more
# therapists, or many studies pooled. The same generator with **a hundred** therapists
# does much better:

# %%
big = aw.simulate(seed=2026, n_therapists=100, items=False)
big_outcome = therapist_icc(big.clients, outcome="improvement")
big_alliance = therapist_icc(big.clients, outcome="early_alliance")
print(f"{big.clients.therapist_id.nunique()} therapists, {len(big.clients)} clients")
print("improvement:   ", big_outcome)
print("early alliance:", big_alliance)

# %% [markdown]
# ## 5 · Whose alliance? The therapist part and the client part
#
# When a client rates the alliance highly, is that because of *this client* (they find
# it easy to trust), or because of *this therapist* (who forms good alliances with most
# clients)? Baldwin, Wampold & Imel (2007) split each client's alliance rating into two
# parts:
#
# - the **between** part: the therapist's mean alliance across their clients;
# - the **within** part: how far this client's alliance lies above or below their own
#   therapist's mean.
#
# Their sample:

# %%
print(lit.BALDWIN_2007_DESIGN.describe())

# %% [markdown]
# ### Exercise 6.3 · Split the alliance yourself
#
# Make a column of each client's **within** part: their `early_alliance` minus their own
# therapist's mean `early_alliance`. Hint: `clients.groupby("therapist_id")["early_alliance"]`
# followed by `.transform("mean")` gives each client their therapist's mean.

# %% tags=["exercise"]
answer_6_3 = None  # a pandas Series, one value per client

# %% tags=["solution"]
therapist_mean = clients.groupby("therapist_id", observed=True)["early_alliance"].transform("mean")
answer_6_3 = clients["early_alliance"] - therapist_mean
answer_6_3.head().round(2)

# %%
ex.check_within_centring(answer_6_3, clients)

# %% [markdown]
# Both parts can now predict improvement in one model. `between_within_effects` does
# that (with the same nested-data model as `therapist_icc`). Each estimate is the
# improvement in OQ-45 points that goes with one more point of alliance: for the
# *between* row, one more point of a therapist's average; for the *within* row, one
# more point above one's own therapist's average.

# %%
effects = between_within_effects(clients)
effects.round(2)

# %% [markdown]
# How to read the columns: `estimate` is the slope; `se`, its **standard error**, says
# how much the slope would wobble from one clinic to another; `ci_low` and `ci_high`
# give its 95 % interval (lesson 04); and `p` is the **p-value**, how often a slope at
# least this far from 0 would turn up by chance if the true slope were 0 (shown as 0.00
# when it is below 0.005). A wide interval that includes 0 means the data cannot tell.

# %% [markdown]
# ### Exercise 6.4 · What did Baldwin and colleagues find?
#
# In their study, which part of the alliance predicted outcome? Make your best guess
# before you read their result (printed after the check): most people expect the
# client's own part. Answer with one of `"between"`, `"within"`, `"both"` or `"neither"`.

# %%
for key, text in ex.BALDWIN_OPTIONS.items():
    print(f"{key}: {text}")

# %% tags=["exercise"]
answer_6_4 = None  # "between", "within", "both" or "neither"

# %% tags=["solution"]
answer_6_4 = "between"

# %%
ex.check_baldwin_finding(answer_6_4)

# %% [markdown]
# What they reported:

# %%
print(lit.BALDWIN_2007_DESIGN.note)

# %% [markdown]
# ### Exercise 6.5 · And in our clinic?
#
# Look at the `estimate` column of `effects` above. In this clinic, which slope is
# larger: `"between"` or `"within"`? Then look at its `ci_low` and `ci_high` before you
# believe it.

# %% tags=["exercise"]
answer_6_5 = None  # "between" or "within"

# %% tags=["solution"]
answer_6_5 = effects["estimate"].idxmax()
answer_6_5

# %%
ex.check_larger_slope(answer_6_5, effects)

# %% [markdown]
# The simulation was built with a *larger* between slope (printed in its summary at the
# top). Look again at the 200 clinics of section 4, now at their two slopes:

# %%
many["between − within"] = many.between - many.within
histogram(
    "between − within",
    "between slope minus within slope (OQ-45 points per alliance point)",
    {"our clinic (seed 2026)": ours_between - ours_within, "equal slopes": 0.0},
).properties(
    title="200 clinics built with a larger between slope",
    description=(
        "Histogram of the between slope minus the within slope in 200 simulated clinics; "
        f"0 (equal slopes) and our clinic's {ours_between - ours_within:.1f} are marked. "
        f"{(many.between < many.within).mean():.0%} of the clinics are below 0."
    ),
)

# %%
display(
    Markdown(
        f"In **{(many.between < many.within).mean():.0%}** of the 200 clinics the between "
        f"slope came out below the within slope, as in ours; that *and* an ICC as low as "
        f"ours happened in **{(low_as_ours & (many.between < many.within)).mean():.0%}**. "
        f"The within slope's interval excluded 0 in {many['within excludes 0'].mean():.0%} "
        f"of them; the between slope's interval included 0 in "
        f"{many['between includes 0'].mean():.0%}."
    )
)

# %% [markdown]
# So a clinic of 20 therapists can show that the alliance goes with improvement (the
# within slope), but not which part of the alliance matters more: the between slope
# rests on 20 therapist means and wobbles widely. The large clinic recovers the built-in
# setting more clearly. (That confirms the generator's *setting*, a larger between
# slope, not Baldwin and colleagues' finding: the generator was built that way.)

# %%
between_within_effects(big.clients).round(2)

# %% [markdown]
# ## 6 · When can a clinic tell the two parts apart?
#
# The same generator can simulate clinics of other designs. Below, everything stays as
# in the course's clinic except the number of therapists or the number of clients each
# one sees (the caseload). Each design is simulated with eight seeds, and the table shows
# the averages: both slopes, the width of their 95 % intervals (the narrower, the more
# the design can tell) and, in the first column, the between slope built into that
# design (more on that column below).
#
# **Before you run it, predict:** to pin down the *between* slope, would you rather
# have more therapists or more clients per therapist?

# %%
designs = {
    "10 × 10": {"n_therapists": 10},
    "20 × 10 (our clinic)": {},
    "100 × 10": {"n_therapists": 100},
    "20 × 3": {"clients_per_therapist": 3},
    "20 × 30": {"clients_per_therapist": 30},
    "100 × 3": {"n_therapists": 100, "clients_per_therapist": 3},
}
rows = []
for label, change in designs.items():
    for seed in range(1, 9):
        design = aw.simulate(seed=seed, items=False, **change)
        # The kit's REML fit of the between/within model (fast enough for many designs).
        fit = between_within_effects(design.clients)
        width = fit.ci_high - fit.ci_low
        rows.append(
            {
                "therapists × clients": label,
                "built-in between": design.model.between_therapist_effect,
                "between slope": fit.loc["between", "estimate"],
                "between CI width": width["between"],
                "within slope": fit.loc["within", "estimate"],
                "within CI width": width["within"],
            }
        )
# A wider plain-text table, so that the stored text version does not wrap.
pd.set_option("display.width", 110)
design_table = pd.DataFrame(rows).groupby("therapists × clients", sort=False).mean()
design_table.round(1)

# %% [markdown]
# The between slope rests on one mean per therapist, so its interval narrows mainly with
# **more therapists**. The within slope rests on every client, so it narrows with the
# total number of clients.
#
# Now the first column. The built-in between slope is *not the same* in every design:
# the generator sets a fixed therapist effect on the therapist's *true* alliance, but a
# study can only use the *observed* mean of the clients each therapist happened to see.
# With 3 clients that mean is mostly the luck of which clients came; with 30 it is
# mostly the therapist. The slope on a noisy mean is pulled towards the within slope,
# so small caseloads show a smaller between slope even when therapists matter just as
# much. How noisy? Spearman–Brown (section 7 uses it too) gives the **reliability of a
# therapist's mean** of n clients: n · ICC / (1 + (n − 1) · ICC). For Baldwin and
# colleagues' design, with the alliance ICC as commonly reported:

# %%
icc_low, icc_high = lit.ALLIANCE_ICC_THERAPISTS.value
n_baldwin = lit.BALDWIN_2007_DESIGN.value["mean caseload"]
rel_low, rel_high = (n_baldwin * i / (1 + (n_baldwin - 1) * i) for i in (icc_low, icc_high))
display(
    Markdown(
        f"With about {n_baldwin:g} clients per therapist and an alliance ICC of "
        f"{icc_low:g}–{icc_high:g} ({lit.ALLIANCE_ICC_THERAPISTS.status}), a therapist's "
        f"mean alliance has a reliability of only **{rel_low:.2f}–{rel_high:.2f}**: most of "
        "the spread between therapists' means is which clients they saw."
    )
)

# %% [markdown]
# What that does to a between-therapist slope like Baldwin and colleagues': with a
# reliability of .1–.3, the slope on the observed therapist means is mostly the *within*
# slope plus noise, pulled far from the therapist's true effect. When the within slope
# is near zero, as they found, the between slope is pulled towards zero (attenuated), so
# the true therapist effect could be larger than the one they reported; and its interval
# is wide, because 80 noisy means are what it rests on. Their 80 therapists were enough
# to *detect* a therapist part, not to measure its size precisely. A clinic of 20
# therapists, like ours, often cannot even detect it (the between slope's interval
# included 0 in the share of the 200 clinics printed in section 5).
#
# %% [markdown]
# ## 7 · The explorer
#
# The explorer simulates a clinic from the settings you choose and fits the same models.
# The top panel shows every therapist's clients, therapists ordered by their clients'
# mean improvement; the slider inside the chart picks out one therapist. Below are the
# two ICCs and the two alliance slopes, each with its interval.
#
# **Try this:** set the therapists' share of improvement to its minimum (0). The chart
# sorts therapists by their clients' mean improvement, so it still shows a neat
# gradient from best to worst: where does that spread come from, when therapists do not
# differ at all? Then set the share to its maximum and compare. Then make the caseloads
# small (2 or 3 clients) and large (30). When would you trust a ranking of therapists by
# their clients' outcomes? Finally set 100 therapists: when can the clinic tell the
# therapist part of the alliance from the client part? (One caution: in this generator
# the therapists' share slider also changes the alliance slopes: at 0 the between
# slope is built smaller than the within slope, from about 1 % up larger.)

# %%
explorer = aw.TherapistEffectsExplorer()
explorer

# %% [markdown]
# The explorer's last sentence says how much of the spread between therapists' caseload
# means reflects real differences between therapists, rather than which clients each one
# happened to see. Here it is for three clinics, set from Python:

# %%
typical = lit.THERAPIST_EFFECTS.value / 100  # the commonly reported share, as a proportion
readouts = []
for share, caseload in ((typical, 10), (0.3, 10), (0.3, 30)):
    explorer.therapist_icc_outcome, explorer.clients_per_therapist = share, caseload
    readouts.append(
        f"Therapists' share set to {share:.0%}, {caseload} clients each:\n"
        + explorer.summary.splitlines()[-1]
    )
print("\n\n".join(readouts))

# %% [markdown]
# **Spearman–Brown reliability** (section 6) is the standard formula for how dependable
# an average of several measurements is. Here the average is a caseload mean of
# *improvement* over *n* clients, with reliability n · ICC / (1 + (n − 1) · ICC). The
# explorer plugs in the ICC it *estimated* from its one simulated clinic, which can land
# far from the share that was set (section 4). With the set share itself:

# %%
caseload = 10
reliability = caseload * typical / (1 + (caseload - 1) * typical)
display(
    Markdown(
        f"With a therapists' share of exactly {typical:.0%} and {caseload} clients each, "
        f"**{reliability:.0%}** of the spread between caseload means would reflect real "
        "therapist differences: still well under half."
    )
)

# %% [markdown]
# Ranking therapists by a few clients' outcomes mostly ranks luck, unless therapists
# differ a lot *and* each has seen many clients. Keep that in mind when a service
# publishes a league table.
#
# %% [markdown]
# ## 8 · The debate is not settled
#
# Later work both supported and challenged Baldwin and colleagues:

# %%
for fig in (lit.RATIO_MODERATES_R, lit.WITHIN_THERAPIST_COUNTER):
    print(f"{fig.label} ({fig.cite()}; {fig.status}). {fig.note}".rstrip())

# %% [markdown]
# *Moderates* means "changes the size of": Del Re and colleagues pooled many studies and
# found that the alliance–outcome correlation depended on how many patients each
# therapist saw, which they read as support for the therapist's part mattering. The
# logic: the ratio of patients to therapists changes how much of a study's alliance
# differences lie between therapists rather than within them, so if the two parts
# predicted outcome equally, the ratio should not matter; that it did suggests they do
# not.
# The second study, a large primary-care sample with alliance rated at session 3, in
# contrast found the client's own part (the within part) the better predictor. (It is
# listed by its title; the kit could not check its authors.)

# %% [markdown]
# So the careful summary is: the alliance is not "all about the client". What the
# therapist brings matters, and a therapist who forms good alliances with most clients
# tends to have clients who do better. How much the client's own part matters is still
# debated, and the answer may depend on the setting and on how the study was designed.
#
# ## What this lesson corrects
#
# - *"The alliance effect is all about the client."* In Baldwin, Wampold & Imel (2007)
#   the therapist part of the alliance predicted outcome and the client part did not.
#   What the therapist brings matters (though the question is still debated).
# - *"A few percent is too small to matter."* A share of 5 % of variance is a spread of
#   about a fifth of an SD between therapists' true averages, felt by every client a
#   therapist sees. (Whether that is larger than the difference between treatment
#   methods is disputed: section 3.)
# - *"A league table of therapists shows who is better."* With a handful of clients
#   each, a ranking by outcome mostly ranks which clients each therapist happened to see.
# - *"No therapist effect in our clinic means there is none."* With a couple of dozen
#   therapists the interval is wide: absence of evidence is not evidence of absence.
#   Among 200 clinics built with the same therapist effect, many showed none.
# - *"A clinic whose result differs from the literature has found something new."* Set
#   it among many clinics first: one clinic is one draw.
#
# ## Reflection and practice
#
# - With which clients (or people in your life) do you find it easy to build trust, and
#   with which is it hard? What might that say about *you* rather than about them?
# - If therapist effects exist, what should a clinic do with that knowledge: rank
#   therapists, support them, or something else? What are the risks of each?
# - How do differences between you and a client (age, culture, gender, class) show up
#   in the room? How would you raise them?
# - Practice: at the end of a role-played session, ask "Is there anything I got wrong
#   today?" and notice how hard or easy it is to hear the answer.
#
# ## What to remember
#
# - The ICC is the share of variance that lies between therapists; for outcome it is
#   small but real, and a single clinic rarely has enough therapists to pin it down.
# - A client's alliance rating mixes a therapist part and a client part; they can be
#   separated by centring within therapist.
# - In Baldwin et al. (2007) the therapist part predicted outcome; a later study found
#   the opposite, so hold the conclusion loosely. With about four clients per
#   therapist, a therapist's mean is unreliable and the between slope is imprecise.
# - One clinic is one draw: to know what it can show, simulate many like it.
#
# ## References

# %%
for ref in lit.references(
    lit.THERAPIST_EFFECTS,
    lit.TREATMENT_DIFFERENCES,
    lit.TREATMENT_DIFFERENCES_CRITIQUES,
    lit.ALLIANCE_ICC_THERAPISTS,
    lit.BALDWIN_2007_DESIGN,
    lit.RATIO_MODERATES_R,
    lit.WITHIN_THERAPIST_COUNTER,
):
    print("-", ref)

# %% [markdown]
# **Next:** lesson 07, *Feedback and not-on-track clients*.
