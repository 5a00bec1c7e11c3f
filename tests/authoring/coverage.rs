//! `airedo check --coverage`: being written.
