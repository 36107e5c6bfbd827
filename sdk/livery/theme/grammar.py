"""What each kind of theme value may contain: the grammar ``values`` checks against.

One ``Rules`` entry per ``Kind`` lists the CSS functions, keywords, units and shapes (commas,
slashes, strings, numbers) a value of that kind may use; anything not listed is refused.
Widen a kind here, never by loosening the checks in ``values``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(str, Enum):
    """What sort of CSS value a variable holds."""

    COLOUR = "colour"
    FILL = "fill"
    IMAGE = "image"
    LENGTH = "length"
    SHADOW = "shadow"
    WEIGHT = "weight"
    FONT = "font"
    TRANSFORM = "transform"
    TRANSITION = "transition"


FORBIDDEN = {
    ";": "contains ';', which would end the declaration",
    "{": "contains '{', which would open a block",
    "}": "contains '}', which would close the rule",
    "<": "contains '<', which could open markup",
    ">": "contains '>', which could close markup",
    "\\": "contains a backslash escape",
    "@": "contains '@', which could start an at-rule",
    "!": "contains '!', which could add !important",
    "`": "contains a backtick",
}

_COLOUR_FUNCTIONS = frozenset(
    "rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix light-dark".split()
)
_GRADIENTS = frozenset(
    "linear-gradient radial-gradient conic-gradient repeating-linear-gradient "
    "repeating-radial-gradient repeating-conic-gradient".split()
)
_MATH = frozenset("calc min max clamp".split())
_TRANSFORMS = frozenset(
    "translate translatex translatey translatez translate3d scale scalex scaley scalez scale3d "
    "rotate rotatex rotatey rotatez rotate3d skew skewx skewy matrix matrix3d perspective".split()
)
_TIMING = frozenset("cubic-bezier steps linear".split())
INNER_FUNCTIONS = _COLOUR_FUNCTIONS | _GRADIENTS | _MATH | _TIMING | {"var"}

_WIDE_KEYWORDS = frozenset("inherit initial unset revert revert-layer".split())
_NAMED_COLOURS = frozenset(
    """aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
    blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
    crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki
    darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
    darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
    dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite
    gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
    lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
    lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
    lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen
    magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
    mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
    powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
    seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
    steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
    yellowgreen transparent currentcolor""".split()
)
LENGTH_UNITS = frozenset(
    "px em rem ex ch cap ic lh rlh vw vh vi vb vmin vmax svw svh lvw lvh dvw dvh "
    "cqw cqh cqi cqb cqmin cqmax cm mm q in pt pc".split()
)
TIME_UNITS = frozenset({"s", "ms"})
ANGLE_UNITS = frozenset({"deg", "rad", "grad", "turn"})


@dataclass(frozen=True)
class Rules:
    """What may stand at the top level of a value of one kind."""

    functions: frozenset[str] = frozenset()
    keywords: frozenset[str] = frozenset()
    any_keyword: bool = False
    hash: bool = False
    numbers: bool = False
    units: frozenset[str] = frozenset()
    percent: bool = False
    strings: bool = False
    urls: bool = False
    commas: bool = False
    slashes: bool = False
    layer_words: frozenset[str] = frozenset()
    """If set, sizes and positions (lengths, numbers) stand only beside one of these words
    or a ``/``, as in a ``background`` layer; alone, ``12px`` is no fill."""
    max_items: int = 1


_COLOUR_RULES = Rules(
    functions=_COLOUR_FUNCTIONS | {"var"},
    # ``auto``: what ``accent-color`` (the slider) takes; Gradio themes set it.
    keywords=_NAMED_COLOURS | _WIDE_KEYWORDS | {"none", "auto"},
    hash=True,
)
_BACKGROUND_KEYWORDS = frozenset(
    "repeat no-repeat repeat-x repeat-y space round left right top bottom center cover "
    "contain auto scroll fixed local border-box padding-box content-box".split()
)
_FILL_RULES = Rules(
    functions=_COLOUR_FUNCTIONS | _GRADIENTS | _MATH | {"var", "url"},
    # the ``background`` shorthand Gradio passes through (``#fff no-repeat right bottom /
    # auto 30svh``): position, size, repeat, attachment and box keywords, lengths, ``/``
    keywords=_NAMED_COLOURS | _WIDE_KEYWORDS | _BACKGROUND_KEYWORDS | {"none"},
    hash=True,
    numbers=True,
    units=LENGTH_UNITS,
    percent=True,
    urls=True,
    commas=True,
    slashes=True,
    layer_words=_BACKGROUND_KEYWORDS,
    max_items=24,
)
RULES: dict[Kind, Rules] = {
    Kind.COLOUR: _COLOUR_RULES,
    Kind.FILL: _FILL_RULES,
    Kind.IMAGE: _FILL_RULES,
    Kind.LENGTH: Rules(
        functions=_MATH | {"var"},
        keywords=_WIDE_KEYWORDS | {"auto", "none"},
        numbers=True,
        units=LENGTH_UNITS,
        percent=True,
        max_items=4,
    ),
    Kind.SHADOW: Rules(
        functions=_COLOUR_FUNCTIONS | _MATH | {"var"},
        keywords=_NAMED_COLOURS | _WIDE_KEYWORDS | {"none", "inset"},
        hash=True,
        numbers=True,
        units=LENGTH_UNITS,
        commas=True,
        max_items=64,
    ),
    Kind.WEIGHT: Rules(
        functions=_MATH | {"var"},
        keywords=_WIDE_KEYWORDS | {"normal", "bold", "bolder", "lighter"},
        numbers=True,
    ),
    Kind.FONT: Rules(
        functions=frozenset({"var"}),
        any_keyword=True,
        strings=True,
        commas=True,
        max_items=64,
    ),
    Kind.TRANSFORM: Rules(
        functions=_TRANSFORMS | {"var"},
        keywords=_WIDE_KEYWORDS | {"none"},
        max_items=16,
    ),
    Kind.TRANSITION: Rules(
        functions=_TIMING | {"var"},
        any_keyword=True,
        numbers=True,
        units=TIME_UNITS,
        commas=True,
        max_items=64,
    ),
}
