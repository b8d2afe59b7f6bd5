"""Films: the player, its caption and length checks, the transcript, and the sample films' captions."""
