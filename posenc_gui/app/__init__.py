"""The Qt app: state model, parameter panel, views."""
