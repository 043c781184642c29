"""protoc output for aapt2's Resources.proto and Configuration.proto (scripts/gen_aapt_proto)."""
