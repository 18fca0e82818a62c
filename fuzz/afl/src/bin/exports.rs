//! `cargo afl fuzz … target/release/exports`: see docs/testing.md ("Fuzzing").

fn main() {
    afl::fuzz!(|data: &[u8]| {
        firebreak_fuzz::exports(data);
    });
}
