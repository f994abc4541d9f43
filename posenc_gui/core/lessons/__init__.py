"""The computations behind the guided lessons, one module per lesson (the Qt views in ``app/views/lessons/``
draw them). Each returns a typed, frozen result; none imports Qt."""
