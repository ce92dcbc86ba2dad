# %% [markdown]
# # Lesson 07 — Feedback and not-on-track clients
#
# *About 60 minutes. Builds on lesson 03 (the OQ-45 scores in the clinic) and lesson 04.*
#
# Therapists often miss which of their clients are getting worse. Routine
# outcome monitoring asks clients to fill in a short questionnaire every session and
# compares each score with the progress expected for someone who started where they
# did. When a client is **not on track**, the therapist gets a warning, and a chance to
# talk about it with the client.
#
# ## What you will learn
#
# - read an OQ-45 score: its range, its clinical cutoff and its reliable change;
# - compute the **reliable change** of a measure from its spread and reliability
#   (Jacobson & Truax), and say why it matters;
# - sort clients into *recovered*, *improved*, *unchanged* and *deteriorated*;
# - read the signals of a feedback system (white, green, yellow, red) against an
#   expected-recovery curve;
# - say how much feedback helps, by the meta-analyses, and for whom.
#
# Run the cells in order. Exercises start with `answer = None`.

# %%
import pandas as pd
from IPython.display import Markdown, display

import alliance_lessons as ex
import alliance_widgets as aw
from alliance_widgets import literature as lit
from alliance_widgets.science import (
    SIGNALS,
    classify_change,
    feedback_signals,
    reliable_change_threshold,
)

# %% [markdown]
# The first sentence of this lesson has evidence behind it: clinicians rarely predicted
# which of their clients would not benefit, while a questionnaire with decision rules
# flagged the clients who got worse:

# %%
print(lit.THERAPISTS_MISS_DETERIORATION.describe())

# %% [markdown]
# ## 1 · The OQ-45 in brief
#
# The Outcome Questionnaire-45 asks about how the past week went: symptoms,
# relationships and daily roles. Each answer is scored and the total is their sum, so
# **a higher score means more distress** (the opposite of the alliance scales in earlier
# lessons). The key figures:

# %%
for fig in (
    lit.OQ45_RANGE,
    lit.OQ45_ALPHA,
    lit.OQ45_RETEST,
    lit.OQ45_CLINICAL_CUTOFF,
    lit.OQ45_RELIABLE_CHANGE,
):
    print(fig.describe())

# %% [markdown]
# Two of these do most of the work in this lesson. The **clinical cutoff** separates
# scores typical of people in treatment from scores typical of people who are not. The
# **reliable change** is the smallest change that is unlikely to be measurement error.
#
# ## 2 · Reliable change: is a change real?
#
# Suppose a client scores 85 at intake and 78 today. Is that improvement, or just the
# ordinary wobble of a questionnaire? Jacobson and Truax gave a rule in three steps:

# %%
z = lit.JACOBSON_TRUAX_CRITERION.value
display(
    Markdown(
        "1. the **standard error of measurement**, SE = SD · √(1 − reliability): how far "
        'one score typically sits from the person\'s "true" score;\n'
        "2. the **standard error of a difference**, S_diff = √2 · SE: two scores, two "
        "errors;\n"
        f"3. a change is **reliable** when it is larger than {z} · S_diff, a size that "
        "measurement error alone rarely reaches (5 % of the time).\n\n"
        f"({lit.JACOBSON_TRUAX_CRITERION.cite()}; {lit.JACOBSON_TRUAX_CRITERION.status})"
    )
)

# %% [markdown]
# ### Exercise 7.1 · Compute a reliable change
#
# In our simulated clinic, the standard deviation of intake scores is printed below.
# Using it and the OQ-45's test–retest reliability, how many points must a score change
# to count as reliable? (Use Python as a calculator: `**0.5` is a square root.)

# %%
clinic = aw.simulate(seed=2026, items=False)
clients = clinic.clients
sd_intake = round(float(clients.intake_outcome.std()), 1)
retest = lit.OQ45_RETEST.value
print(f"SD of intake scores: {sd_intake}; test–retest reliability: {retest}")

# %% tags=["exercise"]
answer_7_1 = None  # a number of OQ-45 points

# %% tags=["solution"]
se = sd_intake * (1 - retest) ** 0.5
s_diff = 2**0.5 * se
answer_7_1 = z * s_diff
round(answer_7_1, 1)

# %%
ex.check_reliable_change_threshold(answer_7_1, sd_pre=sd_intake, reliability=retest)

# %% [markdown]
# Your answer differs from the published reliable change. That is not a mistake: the
# result depends on *which* SD and *which* reliability you use. With internal
# consistency (alpha) instead of test–retest reliability, the same formula gives a
# smaller number:

# %%
with_alpha = reliable_change_threshold(sd_pre=sd_intake, reliability=lit.OQ45_ALPHA.value)
with_retest = reliable_change_threshold(sd_pre=sd_intake, reliability=retest)
display(
    Markdown(
        f"With alpha: **{with_alpha:.1f}** points; with test–retest: **{with_retest:.1f}** "
        f"points; the published OQ-45 figure: **{lit.OQ45_RELIABLE_CHANGE.value}** points. "
        "The rest of this lesson uses the published figure, as services do: it is a "
        "rounded threshold, and a change of that many points or more counts as reliable."
    )
)

# %% [markdown]
# ## 3 · Recovered, improved, unchanged, deteriorated
#
# Reliable change says whether a change is real. **Clinical significance** adds where
# the client ends up. With the OQ-45 (lower is better):
#
# - **recovered**: a reliable improvement *and* crossing from above the cutoff to below it;
# - **improved**: a reliable improvement that does not cross the cutoff;
# - **deteriorated**: a reliable worsening;
# - **unchanged**: anything smaller than a reliable change.
#
# ### Exercise 7.2 · Classify four clients
#
# Here are four clients' intake and latest scores. Classify each one.

# %%
cases = {"Ana": (80, 60), "Ben": (95, 75), "Cai": (72, 62), "Dev": (66, 84)}
pd.DataFrame(cases, index=["intake", "latest"]).T

# %% tags=["exercise"]
answer_7_2 = None  # a dict, e.g. {"Ana": "recovered", "Ben": "...", "Cai": "...", "Dev": "..."}

# %% tags=["solution"]
answer_7_2 = {name: classify_change(pre, post) for name, (pre, post) in cases.items()}
answer_7_2

# %%
ex.check_change_categories(answer_7_2, cases)

# %% [markdown]
# Note Cai: a 10-point drop that crosses the cutoff is still *unchanged*, because it is
# smaller than the reliable change. Crossing a line is not enough; the change must also
# be larger than the questionnaire's own error.
#
# The simulated clinic already has a `change_category` column, computed the same way.

# %% [markdown]
# ### Exercise 7.3 · How many recovered?
#
# What **proportion** of the clinic's clients recovered? (Hint: compare the column with
# `"recovered"`, which gives True/False, and take the `.mean()`.)

# %% tags=["exercise"]
answer_7_3 = None  # a proportion between 0 and 1

# %% tags=["solution"]
answer_7_3 = float((clients.change_category == "recovered").mean())
answer_7_3

# %%
ex.check_recovered_share(answer_7_3, clients)

# %% [markdown]
# All four categories, counted:

# %%
clients.change_category.value_counts().reindex(
    ["recovered", "improved", "unchanged", "deteriorated"]
)

# %% [markdown]
# Notice how few clients deteriorated. That is a property of the kit's generator, whose
# share of deteriorating clients was not calibrated to real services; in a real clinic
# those few are the clients a feedback system is built to catch.

# %% [markdown]
# ## 4 · Expected recovery and signals
#
# A feedback system compares each session's score with the score *expected* at that
# session for a client who started at the same intake. Lambert's OQ system shows the
# result as a coloured signal:

# %%
for colour, meaning in SIGNALS.items():
    print(f"{colour}: {meaning}")
print(f"({lit.OQ_SIGNALS.cite()}; {lit.OQ_SIGNALS.status})")
print(lit.OQ_SIGNALS.note)

# %% [markdown]
# The real system's expected-recovery curves are proprietary. The kit uses a simple
# stand-in, printed below: it is a **teaching assumption**, not the published algorithm.

# %%
print(lit.EXPECTED_RECOVERY_CURVE.note)

# %% [markdown]
# **Try this** in the explorer: pick the *not on track* course and find the first
# session with a warning. Then raise the intake score: does the client get a warning
# sooner or later? Switch to *recovers late*: would the warnings have been useful, or a
# false alarm? Finally turn feedback on and read what the published effect would mean
# for this client.

# %%
explorer = aw.FeedbackExplorer(course="not on track", intake=90)
explorer

# %% [markdown]
# Three of those experiments, driven from Python (what the explorer would show is in
# its `summary`): a higher intake, the client who recovers late, and the published
# effect of feedback for a not-on-track client.

# %%
explorer.intake = 120
readouts = ["Intake 120:\n" + explorer.summary]
explorer.intake, explorer.course = 90, "recovers late"
readouts.append("Recovers late:\n" + explorer.summary)
explorer.course, explorer.feedback = "not on track", "feedback + support tools"
readouts.append(explorer.summary.splitlines()[-1])
print("\n\n".join(readouts))

# %% [markdown]
# The warnings for the late recoverer were, in hindsight, false alarms; but while the
# signal was red nobody could know that. A warning is a prompt to talk with the client,
# not a verdict on the therapy.

# %% [markdown]
# ### Exercise 7.4 · Read the signal
#
# A client's OQ-45 scores over six sessions are below. Which signal would the kit's
# feedback system show at the **last** session? Answer with the colour.

# %%
scores = [88, 86, 87, 90, 95, 99]
scores

# %% [markdown]
# The expected scores for a client who starts at 88, from the kit's curve, are printed
# next to them. Remember the rule above: worse than expected by more than half a
# reliable change is yellow, by more than a whole one red.

# %%
feedback_signals(scores)[["session", "score", "expected"]].round(1)

# %% tags=["exercise"]
answer_7_4 = None  # "white", "green", "yellow" or "red"

# %% tags=["solution"]
answer_7_4 = feedback_signals(scores).signal.iloc[-1]
answer_7_4

# %%
ex.check_signal(answer_7_4, scores)

# %% [markdown]
# ## 5 · Do early warnings tell us anything?
#
# A signal is only useful if it comes *early*, while there is still time to act, and if
# it says something about what happens *afterwards*. So here is the fair test: compute
# each client's signals from their **first four sessions only**, as a service would
# have seen them at the time, and then look at how those clients ended up.
#
# (Why not simply ask whether clients who were *ever* signalled red recovered less? Because
# that answer is built in: a red signal fires on a reliable worsening since intake, and late
# sessions lie close to the final score, so "ever red" partly *is* "did not recover".)

# %%
EARLY = 4  # sessions a service has seen when it acts on the signal
intake = clients.set_index("client_id").intake_outcome
rows = []
for client_id, visits in clinic.sessions.groupby("client_id", observed=True):
    scores_seen = visits.set_index("session").outcome
    if len(scores_seen) <= EARLY:
        continue  # ended by session 4: nothing left to predict
    early = feedback_signals(scores_seen.loc[:EARLY], intake=float(intake[client_id])).signal
    rows.append(
        {
            "client_id": client_id,
            "early signal": "red"
            if (early == "red").any()
            else "yellow"
            if (early == "yellow").any()
            else "none",
            "change after session 4": float(scores_seen.loc[EARLY] - scores_seen.iloc[-1]),
        }
    )
early_flags = clients.merge(pd.DataFrame(rows), on="client_id")
summary = early_flags.groupby("early signal").agg(
    clients=("client_id", "size"),
    recovered=("change_category", lambda c: (c == "recovered").mean()),
    **{"mean change after session 4": ("change after session 4", "mean")},
)
summary.reindex(["none", "yellow", "red"]).round(2)

# %% [markdown]
# Each row is a group of clients by their worst signal in sessions 1–4; `recovered` is
# the share of the group that recovered by the end, and the last column is how many
# OQ-45 points they improved *after* session 4 (positive is better). In words:

# %%
flagged = early_flags["early signal"] != "none"
stuck = early_flags.change_category.isin(["unchanged", "deteriorated"])
recovered = early_flags.change_category == "recovered"
display(
    Markdown(
        f"Of the **{int(flagged.sum())}** clients with a yellow or red signal by session "
        f"{EARLY}, **{recovered[flagged].mean():.0%}** recovered, against "
        f"**{recovered[~flagged].mean():.0%}** "
        f"of the other {int((~flagged).sum())}. But the early signal caught only "
        f"**{int((flagged & stuck).sum())} of the {int(stuck.sum())}** clients who ended "
        "unchanged or worse: most of them looked on track at session "
        f"{EARLY}."
    )
)

# %% [markdown]
# Read this with care, for two reasons. First, **what the simulation assumes**: in the
# kit's generator each client's scores follow one smooth curve from intake to their final
# score, plus noise and a small nudge from the alliance of the session before, so an
# early score carries information about the end *by design*.
# What the table shows is how much four noisy scores reveal under that assumption, not
# that early signals work in real services. Whether they do is an empirical question,
# and Lambert's group studied it directly (section 6). Second, **nobody acted on these
# warnings**: in a real service a yellow or red signal is meant to change what happens
# next, which is exactly what the feedback trials test.
#
# ## 6 · Does feedback help?
#
# Many trials have compared therapy with and without feedback. Start with the OQ system
# itself: Lambert's group pooled its own trials twice.

# %%
for fig in (lit.FEEDBACK_EFFECT_2010, lit.FEEDBACK_EFFECT_2018):
    print(fig.describe())
    print("  ", fig.note)

# %% [markdown]
# Those are the system's developers reviewing their own system, in the settings where it
# was built. Independent and broader meta-analyses give smaller numbers:

# %%
for fig in (lit.FEEDBACK_EFFECT_2021, lit.FEEDBACK_CST_2023, lit.PCOMS_EFFECT):
    print(fig.describe())
print(lit.FEEDBACK_EFFECT_2021.note)
print(lit.PCOMS_EFFECT.note)

# %% [markdown]
# Three things to notice. In the largest meta-analysis (de Jong and colleagues) the
# effect for not-on-track clients (d = 0.17) is barely larger than the overall 0.15: the
# clearly larger effects for not-on-track clients come from OQ-system trials in which
# therapists also had **clinical support tools**, summarised in a review by Barkham and
# colleagues and in Lambert's own meta-analyses above. PCOMS, a second feedback system,
# showed an effect overall but **none in psychiatric settings**, and its larger effect
# in counselling settings may be biased (the note above says why). And *d* and *g* are
# **standardised mean differences**: how far apart the average outcomes of clients with
# and without feedback are, in units of the standard deviation (SD) of the outcome. (*g*
# is *d* with a small correction for small studies.)
#
# ### Exercise 7.5 · How many OQ-45 points is d = 0.15?
#
# To feel the size of an effect, turn it back into points on the questionnaire. A d is a
# difference in SD units, so multiply by the SD. Using the overall effect (`overall_d`,
# below) and our clinic's SD of intake scores (`sd_intake`, from Exercise 7.1), how many
# OQ-45 points better off, on average, are clients whose therapists got feedback?

# %%
overall_d = lit.FEEDBACK_EFFECT_2021.value
print(f"overall_d = {overall_d}; sd_intake = {sd_intake}")

# %% tags=["exercise"]
answer_7_5 = None  # a number of OQ-45 points

# %% tags=["solution"]
answer_7_5 = overall_d * sd_intake
round(answer_7_5, 1)

# %%
ex.check_effect_in_points(answer_7_5, d=overall_d, sd=sd_intake)

# %% [markdown]
# (The explorer above converts effects with the generator's intake SD, 17 points; here
# we use our clinic's own sample SD, so the two give slightly different points for the
# same d. Neither is wrong: a d means different points on different samples.)
#
# A few points on average is not nothing. It is a shift of the whole group, and a shift
# of the whole group moves some clients across the line into recovery. Here is that
# shift applied to our simulated clinic: every final score made better by the overall
# effect, and by the largest effect reported for not-on-track clients with support tools.

# %%
cst_low, cst_high = lit.FEEDBACK_CST_2023.value
recovered_now = (clients.change_category == "recovered").mean()
shifted = {}
for label, d in (("overall", overall_d), ("support tools, upper", cst_high)):
    better_final = (clients.final_outcome - d * sd_intake).clip(lower=0)
    shifted[label] = (
        pd.Series(
            [
                classify_change(pre, post)
                for pre, post in zip(clients.intake_outcome, better_final, strict=True)
            ]
        )
        == "recovered"
    ).mean()
display(
    Markdown(
        f"Recovered in our clinic as simulated: **{recovered_now:.0%}**. With every final "
        f"score {overall_d} SD better: **{shifted['overall']:.0%}**; with {cst_high} SD "
        f"better: **{shifted['support tools, upper']:.0%}**. (An illustration: it assumes "
        "feedback shifts every client alike, which no study shows.)"
    )
)

# %% [markdown]
# Feedback works best when it leads to a conversation. A related system, PCOMS (Duncan,
# Miller and colleagues), adds a brief alliance check-in at the end of every session: a
# low rating is a prompt to ask what did not work.

# %% [markdown]
# ## What this lesson corrects
#
# - *"Feedback helps everyone a lot."* Its average effect is small (d ≈ 0.15, and barely
#   more for not-on-track clients in the largest meta-analysis). Larger effects for
#   not-on-track clients come from OQ-system trials where therapists also had clinical
#   support tools; PCOMS showed no effect in psychiatric settings.
# - *"Clients ever signalled red never recover."* A signal's worth is what an *early*
#   signal says about what comes after; counting late signals builds the answer in.
# - *"Ending below the cutoff means recovered."* Recovery needs a reliable change too;
#   a small drop that happens to cross the line (Cai, above) is within measurement error.
# - *"A red signal means the therapy has failed."* It is a prompt to talk with the
#   client. Some clients recover late, and the signal cannot know that in advance.
# - *"A higher score is better."* Not on the OQ-45: higher means more distress.
#
# ## Reflection and practice
#
# - A client you like is signalled red. What would you feel, and what would you say in
#   the next session? Try: "Your scores suggest things have been harder lately. Can we
#   look at that together? Is there something about our work that isn't helping?"
# - Why might a client's scores get worse *before* they get better? How would you tell
#   that apart from a therapy that is not working?
# - How would you introduce a weekly questionnaire to a new client so that it feels
#   like part of the work, not a test?
# - Practice: end a role-played session with "Did we spend today on what you wanted? Is
#   there anything else you wanted to talk about?" and discuss how it felt on both sides.
#
# ## What to remember
#
# - On the OQ-45 higher is worse. A change is reliable when it exceeds the measure's own
#   error; recovery needs reliable change *and* crossing the cutoff.
# - Feedback systems compare each score with expected recovery and warn early.
# - Feedback's average effect is small. The strongest evidence of benefit for
#   not-on-track clients comes from OQ-system trials with clinical support tools, largely
#   by the system's developers; effects vary by system and setting. It is not a cure-all.
# - Judge a warning by what an early signal predicts, and remember that early warnings
#   miss many of the clients who end up not improving.
#
# ## References

# %%
for ref in lit.references(
    lit.OQ45_RANGE,
    lit.OQ45_CLINICAL_CUTOFF,
    lit.JACOBSON_TRUAX_CRITERION,
    lit.OQ_SIGNALS,
    lit.FEEDBACK_EFFECT_2010,
    lit.FEEDBACK_EFFECT_2018,
    lit.FEEDBACK_EFFECT_2021,
    lit.FEEDBACK_CST_2023,
    lit.PCOMS_EFFECT,
    lit.THERAPISTS_MISS_DETERIORATION,
):
    print("-", ref)

# %% [markdown]
# **Next:** lesson 08, *Capstone: analyse a clinic of your own*.
