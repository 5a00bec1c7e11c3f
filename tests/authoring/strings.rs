//! `airedo strings`: being written.
