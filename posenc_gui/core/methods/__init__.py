"""Every method module; importing this package registers them all, in this order."""

from . import (  # noqa: F401
    sinusoidal,
    learned,
    binary,
    nope,
    shaw,
    cope,
    transformer_xl,
    t5,
    alibi,
    kerple,
    sandwich,
    fire,
    rope,
    xpos,
    mrope,
    mla,
    streaming,
    sinks,
    layers,
    images,
)
