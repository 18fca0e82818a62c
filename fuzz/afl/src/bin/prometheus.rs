//! `cargo afl fuzz … target/release/prometheus`: see docs/testing.md ("Fuzzing").

fn main() {
    afl::fuzz!(|data: &[u8]| {
        firebreak_fuzz::prometheus(data);
    });
}
