"""Qt widgets only: no SQL, no business rules — those live in hubdesk.core."""
