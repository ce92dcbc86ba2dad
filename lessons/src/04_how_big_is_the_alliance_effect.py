# %% [markdown]
# # Lesson 04 — How big is the alliance effect?
#
# *Estimated time: 60 minutes.*
#
# You will often read that the alliance is "the best predictor of outcome" in therapy.
# How big is the link, really? This lesson explains the number studies of it report, the
# correlation **r**, and its square **r²**; walks through nearly thirty years of research
# summaries; corrects a famous misquote; shows why small studies can find almost anything;
# and shows why measurement error makes the link look smaller than it is. (Research calls
# it the alliance *effect* out of habit; as you will see, a correlation alone shows a link,
# an association, not that the alliance causes the change.)
#
# ## What you will be able to do
#
# - say in words what a correlation r and its square r² mean;
# - turn an r into a share of variance, and spot a famous misquote;
# - read a 95 % interval, explain why it narrows as studies grow, and say what share of
#   studies of a given size can detect a real correlation (their *power*);
# - explain why a correlation alone does not show that the alliance *causes* change;
# - explain how measurement error shrinks a correlation (*attenuation*).

# %%
import pandas as pd
from IPython.display import Markdown, display

import alliance_widgets as aw
from alliance_lessons import (
    check_besd_gap,
    check_causation,
    check_data_correlation,
    check_disattenuated_r,
    check_misquote,
    check_power_share,
)
from alliance_lessons.lesson04 import (
    CAUSE_OPTIONS,
    POWER_N,
    besd_gap_options,
    power_options,
)
from alliance_widgets import literature as lit
from alliance_widgets.science.besd import binomial_effect_size_display
from alliance_widgets.science.correlation_studies import (
    correlation_power,
    n_for_power,
    simulate_correlation_studies,
)
from alliance_widgets.science.effects import r_interval

r_2018 = lit.ALLIANCE_OUTCOME_R_2018.value

# %% [markdown]
# ## A correlation in words
#
# Imagine every client in a clinic rated their alliance early in therapy, and we later
# measured how much each one improved. A **correlation**, written **r**, says how closely
# the two go together across clients, on a scale from −1 to 1:
#
# - r = 0 means no straight-line tendency: on average, clients with a stronger alliance
#   improve neither more nor less (always look at the scatter plot too: a curved relation
#   can hide behind r = 0);
# - r = 1 would mean every client's dot lies on one rising straight line: the alliance
#   would predict improvement exactly;
# - anything in between means "tends to go together, with many exceptions". A negative r
#   would mean they go in opposite directions.
#
# Squaring r gives **r²**, the **share of variance explained**: of all the differences
# between clients in how much they improved, the part a straight line through the alliance
# could predict. It is a proportion; times 100 it is a percentage. Lesson 02 turned a
# correlation into r²; here it is for every research summary of the alliance.
#
# ## Nearly thirty years of research summaries
#
# A **meta-analysis** pools the results of many studies into one estimate. The alliance has
# had several. Here they are, with the share of variance each r implies (k is the number of
# studies pooled):

# %%
rows = [
    {
        "summary": fig.cite(),
        "studies (k)": fig.k,
        "r": fig.value,
        "r² (% of variance)": round(100 * fig.value**2, 1),
        "status": fig.status,
    }
    for fig in lit.ALLIANCE_OUTCOME_META_ANALYSES
]
pd.DataFrame(rows)

# %% [markdown]
# The most recent and largest:

# %%
print(lit.ALLIANCE_OUTCOME_R_2018.describe())
print(lit.ALLIANCE_OUTCOME_R_2018.note)
print(lit.ALLIANCE_OUTCOME_HETEROGENEITY_2018.describe())

# %% [markdown]
# Across the summaries in the table the correlation has stayed in a narrow band (see its r
# column), across many kinds of therapy. These are not independent confirmations: each
# later summary includes most of the earlier studies plus new ones, so their agreement
# shows that the estimate stays stable as studies accumulate. The numbers in square
# brackets are a 95 % interval (more on those below). *Heterogeneous* means that the
# single studies' results differ from one another more than chance alone would make them;
# I² is the share of that spread that chance does not explain, and a few studies even
# found a negative correlation. The pooled r is an average over very different clinics and
# therapies, not a constant that holds in each of them.
#
# ## Big or small? Two ways to picture the same r
#
# r² makes an effect look small: 8 % sounds like almost nothing. Rosenthal and Rubin
# proposed another picture, the **binomial effect size display**. Split the clients at the
# middle of the alliance scores into two equal groups, and call an improvement above the
# middle a "success". If alliance and improvement were unrelated, each group would have
# 50 successes per 100. With a correlation r, the stronger-alliance group gets
# 50 + 50·r and the weaker one 50 − 50·r.
#
# ### Exercise 4.1
#
# Predict before you calculate: with the 2018 r, how far apart are the two groups'
# success rates? Answer with the letter in quotes.

# %%
for letter, text in besd_gap_options(r_2018).items():
    print(f"{letter}  {text}")

# %% tags=["exercise"]
answer_4_1 = None  # your answer here, e.g. "a"

# %% tags=["solution"]
answer_4_1 = "b"  # 50 + 50·r minus 50 − 50·r is 100·r percentage points

# %%
check_besd_gap(answer_4_1)

# %% [markdown]
# The display for the 2018 r, per 100 clients in each group:

# %%
besd = binomial_effect_size_display(
    r_2018,
    groups=("above-median alliance", "below-median alliance"),
    outcomes=("above-median improvement", "below-median improvement"),
)
print(besd.round(1).to_string())
hi, lo = besd.iloc[0, 0], besd.iloc[1, 0]
display(
    Markdown(
        f"About {hi:.0f} of every 100 clients with an above-median alliance have an "
        f"above-median improvement, against {lo:.0f} of every 100 with a below-median "
        'alliance. The display assumes that half of all clients "succeed" and that the '
        "groups are equal: it is a way of picturing r, not a rate of improvement in any "
        "real clinic."
    )
)

# %% [markdown]
# Both pictures are correct; they answer different questions. r² says how well the
# alliance predicts *one* client's improvement (not well: most of the differences lie
# elsewhere). The display says how different two *groups* of clients fare (noticeably).
# A factor can matter a lot for a clinic and still predict little about one client.
#
# ## A famous misquote
#
# The first meta-analysis of the alliance found this correlation:

# %%
r_1991 = lit.ALLIANCE_OUTCOME_R_1991.value
print(lit.ALLIANCE_OUTCOME_R_1991.describe())

# %% [markdown]
# It is often quoted as the sentence below.
#
# ### Exercise 4.2
#
# True or false? Answer `True` or `False` (no quotes).

# %%
display(Markdown(f"> *The alliance explains {100 * r_1991:.0f} % of the outcome of therapy.*"))

# %% tags=["exercise"]
answer_4_2 = None  # your answer here: True or False

# %% tags=["solution"]
answer_4_2 = False

# %%
check_misquote(answer_4_2)

# %% [markdown]
# Where the misquote comes from:

# %%
display(
    Markdown(
        f"{lit.ALLIANCE_OUTCOME_R_1991.cite()} found **r = {r_1991}**. Read as a percentage, "
        f"that looks like {100 * r_1991:.0f} %. But r is not a percentage of anything: the "
        f"share of variance is r² = {r_1991**2:.3f}, about **{100 * r_1991**2:.0f} %**. "
        f"In the same way the 2018 r = {r_2018} is about {100 * r_2018**2:.0f} %, not "
        f"{100 * r_2018:.0f} %."
    )
)

# %% [markdown]
# ## See it in a clinic: the explorer
#
# The explorer below simulates a clinic whose true alliance–outcome correlation you choose.
# Each dot is one (made-up) client: across, their early alliance; up, how much they
# improved. The line is the best straight line through the dots. Under the chart the kit
# writes what the sample shows. Its percentages describe *this sample*: another sample of
# the same clinic would give others.
#
# Try this: set the number of clients to 40 and change the seed a few times (the *seed*
# picks which made-up clients are drawn: each seed is another study of the same clinic).
# Then set it to 2,000. What happens to r, and to the interval around it?

# %%
explorer = aw.AllianceOutcomeExplorer(n_clients=200, seed=2026)
explorer

# %% [markdown]
# You can also drive the explorer from Python. Here is the same clinic with only 40
# clients:

# %%
explorer.n_clients = 40
print(explorer.summary)

# %% [markdown]
# ## Intervals, sample size and power
#
# A study of a few dozen clients gives a rough estimate: with another 40 clients the r
# could come out quite different. A **95 % interval** shows how rough. In words: it is the
# range of true correlations that fit the data well; if we repeated the study many times,
# 95 of 100 such intervals would contain the true value. The more clients, the narrower the
# interval. An interval that lies wholly above 0 lets a study rule out "no relation at all".
#
# Here are six studies of the same size, each drawing its clients from a clinic whose true
# correlation is the 2018 one. Each row is one study: its sample r and its interval.

# %%
six = simulate_correlation_studies(r_2018, POWER_N, studies=6, seed=4)
print(f"Six studies of {POWER_N} clients each; true r = {r_2018}:")
for number, study in enumerate(six.itertuples(), start=1):
    verdict = "excludes 0" if study.excludes_zero else "includes 0"
    print(
        f"  study {number}: r = {study.r:.2f}, 95 % CI [{study.low:.2f}, {study.high:.2f}]"
        f"  ({verdict})"
    )

# %% [markdown]
# ### Exercise 4.3
#
# Imagine many such studies, each with the same number of clients as above, in a clinic
# whose true correlation is the 2018 one. What share of them would have a 95 % interval
# that excludes 0? Answer with the letter in quotes.

# %%
for letter, text in power_options(r_2018, POWER_N).items():
    print(f"{letter}  {text}")

# %% tags=["exercise"]
answer_4_3 = None  # your answer here, e.g. "a"

# %% tags=["solution"]
answer_4_3 = "c"  # the study's power, correlation_power(r_2018, POWER_N)

# %%
check_power_share(answer_4_3)

# %% [markdown]
# That share is the study's **power**: the chance of detecting an effect that is really
# there. Two ways to find it: simulate many studies and count, or use the formula the
# simulation approximates (Fisher's z, the same one behind the intervals).

# %%
many = simulate_correlation_studies(r_2018, POWER_N, studies=2000, seed=1)
print(
    f"2,000 simulated studies of {POWER_N} clients: {many['excludes_zero'].mean():.0%} of "
    f"their intervals exclude 0 (formula: {correlation_power(r_2018, POWER_N):.0%})."
)
print()
print("clients   power")
for n in (20, 40, 60, 100, 200, 300):
    print(f"{n:>7}   {correlation_power(r_2018, n):.0%}")
n_80 = n_for_power(r_2018, 0.80)
display(
    Markdown(
        f"Researchers usually plan for 80 % power. For a true r of {r_2018} that takes "
        f"**{n_80} clients**. The interval that a study of {POWER_N} clients *would* show if "
        f"its sample r came out exactly at {r_2018} is {r_interval(r_2018, POWER_N)}. It "
        "lies above 0, but real studies of that size wobble around the true r, and about "
        f"{1 - correlation_power(r_2018, POWER_N):.0%} of them draw an r small enough for "
        "the interval to reach below 0."
    )
)

# %% [markdown]
# So a small study that finds "no significant relation" has not shown that the alliance
# does not matter: it may simply have been too small to see it. In the explorer, set 60
# clients and step through a few seeds: count how often the interval includes 0.
#
# ## Does the alliance cause change?
#
# A correlation says two things go together, not which drives which. There are two main
# rival explanations:
#
# - **reverse order**: a client who feels better after the first sessions may well rate
#   the alliance higher *because* therapy is going well;
# - **third variables**: something about the client (how easily they trust others, how
#   motivated they are, how severe their problems are) could raise both their alliance
#   ratings and their improvement.
#
# Researchers have tested the link against some of these. Adjusting for what clients
# bring to therapy and for what therapists do in it (their adherence to the method and
# their competence) leaves it about as large:

# %%
print(lit.ALLIANCE_OUTCOME_R_ADJUSTED_2020.describe())

# %% [markdown]
# That makes it more believable that the alliance matters, but an adjustment can only
# remove the third variables a study measured.
#
# ### Exercise 4.4
#
# A study finds that clients who rated the alliance higher at session 3 improved more by
# the end. Which addition would best test the rival explanation "clients who were already
# improving rated the alliance higher"? Answer with the letter in quotes.

# %%
for letter, text in CAUSE_OPTIONS.items():
    print(f"{letter}  {text}")

# %% tags=["exercise"]
answer_4_4 = None  # your answer here, e.g. "a"

# %% tags=["solution"]
answer_4_4 = "b"

# %%
check_causation(answer_4_4)

# %% [markdown]
# Such session-by-session studies have been pooled:

# %%
print(lit.ALLIANCE_SYMPTOMS_RECIPROCAL_2020.describe())
print(lit.ALLIANCE_SYMPTOMS_RECIPROCAL_2020.note)

# %% [markdown]
# Both directions seem to operate: a good alliance is followed by less distress, and
# less distress by a better alliance. That is still not an experiment, so it does not
# prove cause, but it is more than a single correlation can show.
#
# ### Exercise 4.5
#
# The explorer's clients are in `explorer.data`: one row per client with `early_alliance`
# and `improvement`. Here the explorer draws a new study of 200 clients (seed 7), which
# you have not seen summarised. Compute its correlation with pandas:
# `table["a"].corr(table["b"])`.

# %%
explorer.n_clients = 200
explorer.seed = 7
clients = explorer.data
clients.head()

# %% tags=["exercise"]
answer_4_5 = None  # your answer here: clients["early_alliance"].corr(...)

# %% tags=["solution"]
answer_4_5 = clients["early_alliance"].corr(clients["improvement"])

# %%
check_data_correlation(answer_4_5, clients["early_alliance"], clients["improvement"])

# %% [markdown]
# ## Measurement error makes r look smaller
#
# Every questionnaire score is the client's "true" alliance plus some noise: how they
# felt that day, how they read an item. Noise does not go together with improvement, so
# it **dilutes** the correlation: the observed r is smaller than the correlation between
# the true alliance and outcome. This is called **attenuation**.
#
# How noisy is one session's alliance rating? Crits-Christoph and colleagues measured how
# well one session's rating stands for a client's alliance across sessions (its
# *generalizability*, a kind of reliability: 1 would be perfect):

# %%
gen = lit.ALLIANCE_GENERALIZABILITY
print(gen.describe())
print(gen.note)

# %% [markdown]
# (The kit's datasets average sessions 1–3 as the "early alliance", so that every
# simulated client has all three; many real studies use sessions 3–5.)
#
# Spearman's correction estimates the correlation the true scores would show: divide the
# observed r by the square root of the reliability, `r / reliability ** 0.5`.
#
# ### Exercise 4.6
#
# Suppose a study correlated one session's alliance rating, with the generalizability
# printed above, with outcome, and found the 2018 r. Correct it for the alliance
# rating's measurement error: what r would the client's alliance across sessions show?
# Write a number (three decimals are plenty).

# %% tags=["exercise"]
answer_4_6 = None  # your answer here, e.g. r_2018 / ...

# %% tags=["solution"]
answer_4_6 = r_2018 / gen.value**0.5

# %%
check_disattenuated_r(answer_4_6)

# %% [markdown]
# This is the point of the Crits-Christoph paper's title, and its own data show it:

# %%
print(lit.CRITS_CHRISTOPH_2011.title)
print()
print(lit.ALLIANCE_OUTCOME_R_DEPENDABLE_2011.describe())
print(lit.ALLIANCE_OUTCOME_R_DEPENDABLE_2011.note)

# %% [markdown]
# The published meta-analytic r values mostly come from one or a few sessions' ratings,
# so the "about 8 %" is more likely too low than too high. The outcome measure has its own
# measurement error, which shrinks r further. The study itself was small (its size is in
# the note), so its two percentages are rough estimates; the direction of the difference
# is the lesson.

# %% [markdown]
# ## What this lesson corrects

# %%
lambert_relationship = lit.LAMBERT_1992_SHARES.value["relationship"]
low_adj, high_adj = lit.ALLIANCE_OUTCOME_R_ADJUSTED_2020.value
summary_rs = [fig.value for fig in lit.ALLIANCE_OUTCOME_META_ANALYSES]
r_low, r_high = min(summary_rs), max(summary_rs)
one_session, averaged = lit.ALLIANCE_OUTCOME_R_DEPENDABLE_2011.value.values()
display(
    Markdown(
        f'- *"The alliance explains {100 * r_1991:.0f} % of outcome."* The research '
        f"summaries put the correlation at {r_low}–{r_high}; the share of variance is its "
        f"square, {100 * r_low**2:.0f}–{100 * r_high**2:.0f} %.\n"
        f'- *"The relationship explains {lambert_relationship:.0f} %, so the alliance is '
        f"only a small part of it.\"* Lambert's {lambert_relationship:.0f} % is a judged "
        "share of *improvement* for all common and relationship factors together, not a "
        "share of variance for the alliance alone: the two numbers cannot be set against "
        "each other (lesson 02).\n"
        '- *"Only about 8 %, so the alliance hardly matters."* r² makes effects look small '
        "(the binomial display shows the same r as a sizeable gap between groups), and "
        "measurement error shrinks r: one session's rating explained "
        f"{one_session:g} % of outcome variance, the average of several sessions "
        f"{averaged:g} % ({lit.ALLIANCE_OUTCOME_R_DEPENDABLE_2011.cite()}).\n"
        '- *"A small study found no significant link, so there is none."* With a true r of '
        f"{r_2018}, a study of {POWER_N} clients detects it only about "
        f"{correlation_power(r_2018, POWER_N):.0%} of the time; 80 % power takes about "
        f"{n_80} clients.\n"
        '- *"A correlation proves the alliance causes change."* Improvement can raise later '
        "alliance ratings, and third variables can raise both. The link survives "
        "adjustment for intake characteristics and therapist processes (r = "
        f"{low_adj}–{high_adj}), and session-by-session studies find effects in both "
        "directions, but that is not proof of cause."
    )
)

# %% [markdown]
# ## Reflect
#
# - A correlation of this size describes *many* clients. What does it tell you, and not
#   tell you, about the one client in front of you?
# - If most of the variance in outcome lies elsewhere, why might the alliance still be
#   worth a therapist's attention? (Think: which parts of outcome can a therapist
#   influence?)
# - **Practice:** in your next helping conversation, check your understanding out loud:
#   *"Let me check I have this right — you said …"*. Notice whether the other person
#   corrects you, and thank them if they do.
#
# ## References

# %%
for ref in lit.references(
    *lit.ALLIANCE_OUTCOME_META_ANALYSES,
    lit.ALLIANCE_OUTCOME_HETEROGENEITY_2018,
    lit.ALLIANCE_OUTCOME_R_ADJUSTED_2020,
    lit.ALLIANCE_SYMPTOMS_RECIPROCAL_2020,
    lit.ALLIANCE_GENERALIZABILITY,
    lit.ALLIANCE_OUTCOME_R_DEPENDABLE_2011,
    lit.LAMBERT_1992_SHARES,
):
    print(ref)
print(lit.ROSENTHAL_RUBIN_1982.reference())

# %% [markdown]
# **Next:** lesson 05, *Ruptures and repair*.
