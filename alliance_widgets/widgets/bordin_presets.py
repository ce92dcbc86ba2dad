"""Clinical scenarios for BordinExplorer, each with practice prompts a therapist could try.

The scenarios come from practitioner writing on the alliance (see the kit's clinical
digest); the wording of the prompts is the kit's own. Each scenario is a *profile* on the
WAI-SR 1–5 metric: the bond, goals and tasks values are the kit's illustrations of the
situation (not published figures, not calibrated): what matters is the shape, e.g. a
warm bond with low agreement on tasks.

Examples
--------
>>> SCENARIOS["homework"].label
'Warm bond, but the homework makes no sense to the client'
>>> SCENARIOS["homework"].lowest
'tasks'
>>> len(SCENARIOS), all(len(s.prompts) >= 3 for s in SCENARIOS.values())
(6, True)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COMPONENTS", "COMPONENT_PROMPTS", "SCENARIOS", "Scenario"]

COMPONENTS = ("bond", "goals", "tasks")


@dataclass(frozen=True)
class Scenario:
    """A clinical situation as a bond/goals/tasks profile, with practice prompts."""

    key: str
    label: str
    situation: str
    bond: float
    goals: float
    tasks: float
    prompts: tuple[str, ...]

    @property
    def profile(self) -> dict[str, float]:
        """The three components as a dict."""
        return {"bond": self.bond, "goals": self.goals, "tasks": self.tasks}

    @property
    def lowest(self) -> str:
        """The weakest component."""
        profile = self.profile
        return min(COMPONENTS, key=lambda c: profile[c])


_SCENARIOS = (
    Scenario(
        "homework",
        "Warm bond, but the homework makes no sense to the client",
        "The client likes and trusts you, yet the between-session exercises keep not "
        "happening: they do not see how the tasks connect to what they came for.",
        4.5,
        3.8,
        2.4,
        (
            "Ask about the exercise without judging: 'What got in the way this week?'",
            "Link the task to their own aim: 'How might this help with what you want to "
            "change? If it doesn't seem to, tell me.'",
            "Offer choices: 'We could make it smaller, or try something different. Which "
            "would suit you better?'",
        ),
    ),
    Scenario(
        "other_goal",
        "Agreement on the tasks, but the client came for something else",
        "Sessions run smoothly and the client does the work, but what you are working on "
        "is not what they most want help with.",
        3.9,
        2.3,
        3.9,
        (
            "Check the focus: 'Did we spend today on what matters most to you? Is there "
            "something else you wanted to talk about?'",
            "Revisit the goals together: 'By the end of our work, what would you most like "
            "to be different?'",
            "Agree the agenda at the start: 'So we're on the same page, today you'd like to "
            "work on …?'",
        ),
    ),
    Scenario(
        "withdrawal",
        "A withdrawal rupture: the client goes quiet",
        "The client becomes quieter, defers to you, changes the subject or says everything "
        "is fine: the bond has dipped, though goals and tasks still stand.",
        2.5,
        3.6,
        3.5,
        (
            "Name what you notice, gently: 'You seem quieter today. I wonder what's going "
            "on for you right now.'",
            "Invite disagreement: 'Would you feel able to tell me if something I said didn't "
            "sit right? What might make that hard?'",
            "Own your part: 'I think I moved too quickly just then. Can we go back?'",
        ),
    ),
    Scenario(
        "confrontation",
        "A confrontation rupture: 'this isn't helping'",
        "The client complains that therapy is not working or criticises you: bond, goals "
        "and tasks all dip at once.",
        2.4,
        2.3,
        2.2,
        (
            "Stay curious, not defensive: 'Thank you for telling me. Tell me more about "
            "what isn't working.'",
            "Acknowledge your share and review together what you are aiming for and how.",
            "Use the complaint as information: look at progress together, for example with "
            "a short feedback measure, and adjust the plan.",
        ),
    ),
    Scenario(
        "goals_never_agreed",
        "Goals were never agreed",
        "Therapy started without a shared picture of the problem or of what therapy is "
        "for; the tasks drift because there is nothing clear for them to serve.",
        3.6,
        1.9,
        2.4,
        (
            "Ask about expectations: 'What did you hope therapy would be like? What helped, "
            "or didn't, before?'",
            "Summarise and check: 'Let me check I have this right: you'd like …. Is that it?'",
            "Put a plan into words (spoken or written) and agree when you will look at it again.",
        ),
    ),
    Scenario(
        "hard_trust",
        "Early sessions with a client who finds trust hard",
        "After trauma, neglect or bad experiences of care, trust comes slowly: the bond "
        "starts low and rises over sessions, while goals and tasks can be agreed sooner.",
        2.2,
        3.3,
        3.2,
        (
            "Be clear about confidentiality, boundaries and what to expect from sessions.",
            "Go at the client's pace and ask permission before difficult topics: 'Is it OK "
            "if we talk about this now, or would you rather wait?'",
            "Check in at the end: 'How was it to talk about this today? Did you feel heard? "
            "Is there anything I got wrong?'",
        ),
    ),
)

#: The scenarios by key, in display order.
SCENARIOS: dict[str, Scenario] = {s.key: s for s in _SCENARIOS}

#: Prompts for one's own profile, by its weakest component.
COMPONENT_PROMPTS: dict[str, tuple[str, ...]] = {
    "bond": (
        "Check understanding: 'Did you feel heard today? Is there anything I got wrong?'",
        "Reflect back: 'Let me check I have this right. You said …'",
    ),
    "goals": (
        "Check the focus: 'Is this what you wanted to work on today?'",
        "Talk goals through openly and agree what you are both aiming for.",
    ),
    "tasks": (
        "Offer choices of method: 'There are a few ways we could work on this. Which "
        "would you prefer?'",
        "Ask permission and preferences before starting an exercise.",
    ),
}
