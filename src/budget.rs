//! Bounds on evaluating a project's code in one build: the clause templates (Tera) while drafting
//! and the Typst sources (templates, and Typst code a clause writes) while typesetting. Neither
//! Tera nor Typst can be interrupted from outside, and a thread cannot be stopped, so the bounds
//! end the process: past the time limit a watchdog thread prints an error naming the file being
//! evaluated and exits (code 1); past the memory limit the allocator does the same before it
//! allocates. Both happen before `export`, so no output file is touched.
//!
//! The bounds are off until [`enable`] is called (the `pleader` binary does, with `--time-limit`
//! and `--memory-limit`); the memory bound needs [`Counting`] as the global allocator, which the
//! binary installs. The library, used in-process by the tests, runs unbounded.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering::Relaxed};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::diag::{self, Diagnostic, SourceText};

/// The default time limit for one build's clause and template evaluation, in seconds.
pub const DEFAULT_TIME_SECS: u64 = 30;
/// The default memory limit (growth of the heap while evaluating), in megabytes.
pub const DEFAULT_MEMORY_MB: u64 = 2048;

static ENABLED: AtomicBool = AtomicBool::new(false);
static SHORT: AtomicBool = AtomicBool::new(false);
static TIME_SECS: AtomicU64 = AtomicU64::new(DEFAULT_TIME_SECS);
static MEMORY_MB: AtomicU64 = AtomicU64::new(DEFAULT_MEMORY_MB);

/// Turns the bounds on for this process (the binary), with the limits and the diagnostic format.
pub fn enable(time_secs: u64, memory_mb: u64, short: bool) {
    TIME_SECS.store(time_secs, Relaxed);
    MEMORY_MB.store(memory_mb, Relaxed);
    SHORT.store(short, Relaxed);
    ENABLED.store(true, Relaxed);
}

// Memory: bytes allocated and not freed since the bound was armed (frees of older memory count
// against it, so the bound is on the growth of the heap). Each thread keeps its own running count
// and adds it to the shared one only once it has moved by `BATCH` bytes either way: one shared
// counter written by every allocation of Typst's layout threads cost about 4% of a cold build in
// contention (measured with `perf`, session 31). The bound is therefore checked to within `BATCH`
// bytes a thread, far below the limit's unit (a megabyte is 16 batches; the default limit is 2 GB).
static ARMED: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicI64 = AtomicI64::new(0);
static LIMIT_BYTES: AtomicI64 = AtomicI64::new(i64::MAX);
static MEMORY_MESSAGE: Mutex<Vec<u8>> = Mutex::new(Vec::new());
/// Each arming starts a new count; a thread's running count from before it is dropped.
static GENERATION: AtomicU64 = AtomicU64::new(0);
const BATCH: i64 = 64 << 10;

thread_local! {
    /// This thread's bytes not yet added to `LIVE`, and the arming they belong to.
    static PENDING: std::cell::Cell<(i64, u64)> = const { std::cell::Cell::new((0, 0)) };
}

/// The heap (mimalloc, which is faster than the system allocator for Typst's many small allocations
/// from several threads), counting while a bound is armed.
pub struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as i64);
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as i64);
        unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as i64));
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size as i64 - layout.size() as i64);
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
    }
}

/// Counts `delta` bytes about to be allocated (or freed, when negative); past the limit, reports
/// and exits without making the allocation.
#[inline]
fn count(delta: i64) {
    if !ARMED.load(Relaxed) {
        return;
    }
    let generation = GENERATION.load(Relaxed);
    // A thread being torn down has no running count left: its change goes to the shared one.
    let flush = PENDING
        .try_with(|p| {
            let (pending, of) = p.get();
            let pending = if of == generation { pending + delta } else { delta };
            if pending.abs() < BATCH {
                p.set((pending, generation));
                None
            } else {
                p.set((0, generation));
                Some(pending)
            }
        })
        .unwrap_or(Some(delta));
    let Some(flush) = flush else { return };
    let live = LIVE.fetch_add(flush, Relaxed) + flush;
    if flush > 0 && live > LIMIT_BYTES.load(Relaxed) {
        ARMED.store(false, Relaxed);
        // No allocation from here on: the message was rendered when the file was named.
        match MEMORY_MESSAGE.try_lock() {
            Ok(m) if !m.is_empty() => write_stderr(&m),
            _ => write_stderr(
                b"error: evaluating the clauses and templates went past the memory limit (--memory-limit)\n",
            ),
        }
        unsafe { libc::_exit(1) }
    }
}

fn write_stderr(bytes: &[u8]) {
    let mut rest = bytes;
    while !rest.is_empty() {
        let n = unsafe { libc::write(2, rest.as_ptr().cast(), rest.len()) };
        if n <= 0 {
            return;
        }
        rest = &rest[n as usize..];
    }
}

// Time: a watchdog thread, started at the first armed build, sleeps until the deadline.
struct Watch {
    deadline: Option<Instant>,
    message: Vec<u8>,
    started: bool,
}

static WATCH: Mutex<Watch> = Mutex::new(Watch { deadline: None, message: Vec::new(), started: false });
static WAKE: Condvar = Condvar::new();

fn watchdog() {
    let mut w = WATCH.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        match w.deadline {
            None => w = WAKE.wait(w).unwrap_or_else(|e| e.into_inner()),
            Some(d) => {
                let now = Instant::now();
                if now >= d {
                    write_stderr(&w.message);
                    unsafe { libc::_exit(1) }
                }
                w = WAKE.wait_timeout(w, d - now).unwrap_or_else(|e| e.into_inner()).0;
            }
        }
    }
}

/// What is being evaluated, for the error that names it.
pub enum Evaluating<'a> {
    /// A clause (or a partial it includes) rendered by Tera.
    Clause(&'a SourceText),
    /// The Typst sources: `suspects` are the files of the project's own that can hold Typst code
    /// (its templates and its clauses); the matter when there are none.
    /// `chars`: the length of the drafted text being typeset, so the error can say when the brief
    /// itself is the size that needs the time or memory.
    Typesetting { matter: &'a SourceText, suspects: Vec<&'a SourceText>, chars: usize },
}

/// While alive, the build's evaluation is bounded (when [`enable`]d). One per build: a guard
/// started while another is alive does nothing, so the first one's deadline holds.
pub struct Guard {
    active: bool,
}

impl Guard {
    pub fn start() -> Guard {
        if !ENABLED.load(Relaxed) {
            return Guard { active: false };
        }
        let mut w = WATCH.lock().unwrap_or_else(|e| e.into_inner());
        if w.deadline.is_some() {
            return Guard { active: false };
        }
        w.deadline = Some(Instant::now() + Duration::from_secs(TIME_SECS.load(Relaxed)));
        if !w.started {
            w.started = true;
            std::thread::spawn(watchdog);
        }
        drop(w);
        WAKE.notify_all();
        GENERATION.fetch_add(1, Relaxed);
        LIVE.store(0, Relaxed);
        LIMIT_BYTES.store((MEMORY_MB.load(Relaxed).saturating_mul(1 << 20)).min(i64::MAX as u64) as i64, Relaxed);
        ARMED.store(true, Relaxed);
        Guard { active: true }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.active {
            ARMED.store(false, Relaxed);
            WATCH.lock().unwrap_or_else(|e| e.into_inner()).deadline = None;
        }
    }
}

/// Names what is evaluated from now on, in the error a limit gives (nothing while no [`Guard`]
/// is alive).
pub fn evaluating(what: Evaluating) {
    if !ENABLED.load(Relaxed) || WATCH.lock().unwrap_or_else(|e| e.into_inner()).deadline.is_none() {
        return;
    }
    let secs = TIME_SECS.load(Relaxed);
    let mb = MEMORY_MB.load(Relaxed);
    let (time, memory) = messages(&what, secs, mb);
    let format = if SHORT.load(Relaxed) { diag::Format::Short } else { diag::Format::Human };
    let time = diag::render(&[time], format).into_bytes();
    let memory = diag::render(&[memory], format).into_bytes();
    *MEMORY_MESSAGE.lock().unwrap_or_else(|e| e.into_inner()) = memory;
    WATCH.lock().unwrap_or_else(|e| e.into_inner()).message = time;
}

/// Drafted text past this many characters (some 250 double-spaced pages) is a brief long enough to
/// need the time or memory itself.
const LONG_BRIEF_CHARS: usize = 500_000;

/// The errors for going past the time limit and the memory limit while evaluating `what`.
fn messages(what: &Evaluating, secs: u64, mb: u64) -> (Diagnostic, Diagnostic) {
    let raise_time = format!("if the work is real, `--time-limit SECONDS` raises the limit ({secs} s)");
    let raise_memory = format!("if the work is real, `--memory-limit MB` raises the limit ({mb} MB)");
    match what {
        Evaluating::Clause(source) => (
            Diagnostic::error(format!(
                "evaluating this clause took longer than {secs} s (the time limit); pleader stopped"
            ))
            .in_file(source)
            .with_note("the clause, or a partial it includes, loops too long: nested loops, or a loop that never ends")
            .with_hint(raise_time),
            Diagnostic::error(format!(
                "evaluating this clause used more than {mb} MB of memory (the memory limit); pleader stopped"
            ))
            .in_file(source)
            .with_note("the clause, or a partial it includes, builds a value too large (a string doubled in a loop?)")
            .with_hint(raise_memory),
        ),
        Evaluating::Typesetting { matter, suspects, chars } => {
            // Some 2,000 characters fill a double-spaced page: past a few hundred pages the brief's
            // own length is the likelier cause, and the note says so first.
            let long = *chars > LONG_BRIEF_CHARS;
            let size = format!(
                "the drafted text is {} characters long (some {} pages)",
                crate::units::grouped(*chars as u64),
                crate::units::grouped((*chars / 2_000).max(1) as u64)
            );
            let (file, note) = match suspects.first() {
                Some(_) if long => (
                    *matter,
                    format!(
                        "{size}, so the brief's length alone can need more; or Typst code of the project's own runs this long: {}",
                        suspects.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                ),
                Some(first) => (
                    *first,
                    format!(
                        "Typst code of the project's own runs this long (a recursion or loop without end?): {}",
                        suspects.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                ),
                None => (
                    *matter,
                    format!(
                        "the project has no templates or clauses of its own, and {size}: the brief is very long, \
                         or has a paragraph of thousands of citations (Typst's time per line grows with the paragraph)"
                    ),
                ),
            };
            (
                Diagnostic::error(format!("typesetting took longer than {secs} s (the time limit); pleader stopped"))
                    .in_file(file)
                    .with_note(note.clone())
                    .with_hint(raise_time),
                Diagnostic::error(format!(
                    "typesetting used more than {mb} MB of memory (the memory limit); pleader stopped"
                ))
                .in_file(file)
                .with_note(note)
                .with_hint(raise_memory),
            )
        }
    }
}
