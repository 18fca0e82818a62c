//! A child process's wall time and peak memory, for the benchmarks that run a command
//! (`firebreak build`, Pagefind, Hugo) and report what it cost.

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus};
use std::time::Instant;

/// What one run of a command cost.
#[derive(Clone, Copy, Debug)]
pub struct Run {
    /// From spawning to the child's exit.
    pub secs: f64,
    /// The child's user and system CPU time: on a machine shared with other work, steadier
    /// than the wall time, which counts the waits for a core too.
    pub cpu_secs: f64,
    /// The child's peak resident memory.
    pub peak_rss_mb: f64,
}

/// Runs `command` to its end, its output kept in a temporary file and shown only if it
/// fails. The figures are the child's own, from `wait4`: `getrusage(RUSAGE_CHILDREN)`
/// would give the maximum over every child waited for so far, so one large run would hide
/// the peaks of all the smaller ones after it.
pub fn measure(command: &mut Command) -> Run {
    let log = tempfile::tempfile().expect("a temporary file for the command's output");
    command.stdout(log.try_clone().expect("the log file")).stderr(log.try_clone().expect("the log file"));
    let started = Instant::now();
    #[allow(clippy::zombie_processes, reason = "`wait_for` reaps it, with wait4 for its usage")]
    let child = command.spawn().unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    let (status, usage) = wait_for(child.id());
    let secs = started.elapsed().as_secs_f64();
    if !status.success() {
        panic!("{command:?} failed ({status}):\n{}", tail(log));
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let cpu_secs = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    // Linux gives `ru_maxrss` in kilobytes.
    Run { secs, cpu_secs, peak_rss_mb: usage.ru_maxrss as f64 / 1024.0 }
}

/// Reaps the child `pid` with its resource use. `Child::wait` would reap it too, but
/// without the usage, so the child is never waited for through std.
fn wait_for(pid: u32) -> (ExitStatus, libc::rusage) {
    let pid = libc::pid_t::try_from(pid).expect("a process id fits pid_t");
    let mut status = 0;
    // SAFETY: rusage is plain integers, for which all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: both pointers are to live, writable locals of the types wait4 expects.
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if reaped == pid {
            return (ExitStatus::from_raw(status), usage);
        }
        let error = std::io::Error::last_os_error();
        assert_eq!(error.kind(), std::io::ErrorKind::Interrupted, "wait4({pid}) failed: {error}");
    }
}

/// The last lines a failed command printed, enough to see why.
fn tail(mut log: std::fs::File) -> String {
    use std::io::{Read, Seek};
    let mut text = String::new();
    let _ = log.rewind().and_then(|()| log.read_to_string(&mut text));
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}
