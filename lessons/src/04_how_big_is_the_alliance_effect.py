# %% [markdown]
# # Lesson 04 — How big is the alliance effect?
#
# *Estimated time: 45 minutes.*
#
# You will often read that the alliance is "the best predictor of outcome" in therapy.
# How big is the link, really? This lesson explains the number studies of it report, the
# correlation **r**, and its square **r²**; walks through nearly thirty years of research
# summaries; corrects a famous misquote; and shows why small studies can find almost
# anything.
#
# ## What you will be able to do
#
# - say in words what a correlation r and its square r² mean;
# - turn an r into a share of variance, and spot a famous misquote;
# - read a 95 % interval and explain why it narrows as studies grow;
# - explain why a correlation alone does not show that the alliance *causes* change.

# %%
import pandas as pd
from IPython.display import Markdown, display

import alliance_widgets as aw
from alliance_lessons import (
    check_causation,
    check_data_correlation,
    check_misquote,
    check_smallest_n,
    check_variance_from_r,
)
from alliance_widgets import literature as lit
from alliance_widgets.science import besd_sentence, r_interval

r_2018 = lit.ALLIANCE_OUTCOME_R_2018.value

# %% [markdown]
# ## A correlation in words
#
# Imagine every client in a clinic rated their alliance early in therapy, and we later
# measured how much each one improved. A **correlation**, written **r**, says how closely
# the two go together across clients:
#
# - r = 0 means knowing a client's alliance tells you nothing about their improvement;
# - r = 1 would mean the client with the stronger alliance *always* improved more, in
#   perfect step;
# - anything in between means "tends to go together, with many exceptions". A negative r
#   would mean they go in opposite directions.
#
# Squaring r gives **r²**, the **share of variance explained**: of all the differences
# between clients in how much they improved, the part we could predict from their
# alliance. It is a proportion; times 100 it is a percentage.

# %% [markdown]
# ### Exercise 4.1
#
# The largest research summary so far (2018; you meet it below) found the correlation
# printed here. What percentage of the variance in outcome does it explain? Write a
# number in percent (for example `12.5`); you may use Python as a calculator, e.g.
# `100 * r_2018**2`.

# %%
print(f"r = {r_2018} ({lit.ALLIANCE_OUTCOME_R_2018.cite()})")

# %% tags=["exercise"]
answer_4_1 = None  # your answer here, in %

# %% tags=["solution"]
answer_4_1 = 100 * r_2018**2

# %%
check_variance_from_r(answer_4_1, r_2018)

# %% [markdown]
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

# %% [markdown]
# Across the summaries in the table the correlation has stayed in a narrow band (see its
# r column), across many kinds of therapy. The numbers in square brackets are a 95 %
# interval (more on those below). *Heterogeneous*, in the note, means that the single
# studies' results differ from one another more than chance alone would make them; I² is
# the share of that spread that chance does not explain. The pooled r is an average over
# very different clinics and therapies, not a constant that holds in each of them.
#
# Is a correlation of this size big or small? One way to feel it is the *binomial effect
# size display*: it pictures a correlation as a difference in success rates between two
# equal groups. It is a way of picturing r, not a count of real clients:

# %%
print(besd_sentence(r_2018))

# %% [markdown]
# ## A famous misquote
#
# The first meta-analysis is often quoted as showing that the alliance explains a quarter
# of the outcome of therapy. Here is where that comes from:

# %%
r_1991 = lit.ALLIANCE_OUTCOME_R_1991.value
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
# ## See it in a clinic: the explorer
#
# The explorer below simulates a clinic whose true alliance–outcome correlation you choose.
# Each dot is one (made-up) client: across, their early alliance; up, how much they
# improved. The line is the best straight line through the dots. Under the chart the kit
# writes what the sample shows.
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
# ## Intervals and sample size
#
# A study of a few dozen clients gives a rough estimate: with another 40 clients the r
# could come out quite different. A **95 % interval** shows how rough. In words: it is the
# range of true correlations that fit the data well; if we repeated the study many times,
# 95 of 100 such intervals would contain the true value. The more clients, the narrower the
# interval.
#
# Here is the 2018 r as a single study of different sizes would show it:

# %%
for n in (20, 40, 60, 100, 300, 1000):
    print(f"{n:>5} clients: {r_interval(r_2018, n)}")

# %% [markdown]
# ### Exercise 4.3
#
# Suppose the true correlation is the 2018 one. Of the sample sizes 20, 40, 60 and 100,
# which is the **smallest** whose 95 % interval no longer includes 0 (so the study could
# rule out "no relation at all")? Answer with the number.

# %% tags=["exercise"]
answer_4_3 = None  # your answer here: 20, 40, 60 or 100

# %% tags=["solution"]
answer_4_3 = 60  # the interval printed above for 60 clients starts above 0; for 40 it does not

# %%
check_smallest_n(answer_4_3, r_2018, options=(20, 40, 60, 100))

# %% [markdown]
# ## Does the alliance cause change?
#
# A correlation says two things go together, not which drives which. A client who feels
# better after the first sessions may well rate the alliance higher *because* therapy is
# going well. Researchers have tested this by adjusting for early improvement:

# %%
print(lit.ALLIANCE_OUTCOME_R_ADJUSTED_2020.describe())

# %% [markdown]
# The link survives the adjustment, which makes it more believable that the alliance
# matters, but it is still not an experiment: it does not prove cause.
#
# ### Exercise 4.4
#
# What does a positive alliance–outcome correlation show? Answer with the letter.
#
# - **a** that a better alliance causes better outcomes
# - **b** that alliance and outcome go together; the direction is not settled by r alone
# - **c** nothing, because the correlation is small
# - **d** that outcomes cause the alliance, not the other way round

# %% tags=["exercise"]
answer_4_4 = None  # your answer here, e.g. "a"

# %% tags=["solution"]
answer_4_4 = "b"

# %%
check_causation(answer_4_4)

# %% [markdown]
# ### Exercise 4.5
#
# The explorer's clients are in `explorer.data`: one row per client with `early_alliance`
# and `improvement`. With the explorer back at 200 clients, compute their correlation with
# pandas: `table["a"].corr(table["b"])`.

# %%
explorer.n_clients = 200
clients = explorer.data
clients.head()

# %% tags=["exercise"]
answer_4_5 = None  # your answer here: clients["early_alliance"].corr(...)

# %% tags=["solution"]
answer_4_5 = clients["early_alliance"].corr(clients["improvement"])

# %%
check_data_correlation(answer_4_5, clients["early_alliance"], clients["improvement"])

# %% [markdown]
# ## What this lesson corrects

# %%
lambert_relationship = lit.LAMBERT_1992_SHARES.value["relationship"]
low_adj, high_adj = lit.ALLIANCE_OUTCOME_R_ADJUSTED_2020.value
summary_rs = [fig.value for fig in lit.ALLIANCE_OUTCOME_META_ANALYSES]
r_low, r_high = min(summary_rs), max(summary_rs)
display(
    Markdown(
        f'- *"The alliance explains {100 * r_1991:.0f} % (or {lambert_relationship:.0f} %) '
        f'of outcome."* The research summaries put the correlation at {r_low}–{r_high}; '
        f"the share of variance is its square, {100 * r_low**2:.0f}–{100 * r_high**2:.0f} %. The "
        f"{lambert_relationship:.0f} % is Lambert's estimate, not a statistic (lesson 02).\n"
        '- *"A correlation proves the alliance causes change."* Early improvement can '
        "raise later alliance ratings; the link survives adjustment (r = "
        f"{low_adj}–{high_adj}), but that is not proof of cause.\n"
        "- *\"One session's rating is enough.\"* A single session's rating is a noisy "
        "measure of a client's alliance, which is why the explorer averages the early "
        "sessions:"
    )
)

# %%
gen = lit.ALLIANCE_GENERALIZABILITY
print(gen.describe())
print(gen.note)

# %% [markdown]
# *Generalizability* is a kind of reliability: how well a rating from one session stands
# for the client's alliance across sessions (1 would be perfect). Averaging the ratings of
# more sessions raises it.
#
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
    lit.ALLIANCE_OUTCOME_R_ADJUSTED_2020,
    lit.ALLIANCE_GENERALIZABILITY,
):
    print(ref)
print(lit.ROSENTHAL_RUBIN_1982.reference())

# %% [markdown]
# **Next:** lesson 05, *Ruptures and repair*.
