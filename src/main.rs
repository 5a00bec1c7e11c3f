//! The `airedo` binary: a thin shell over the library's command line.

fn main() -> std::process::ExitCode {
    end_quietly_when_the_reader_leaves();
    airedo::cli::main()
}

/// `airedo check --coverage | head` closes the pipe after a few lines, and
/// Rust's `println!` then panics with a backtrace. A reader that has read
/// enough is not an error: end at once and quietly, as Unix tools do (there
/// SIGPIPE would end them). Every other panic keeps the default report.
fn end_quietly_when_the_reader_leaves() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or_default();
        // EPIPE is 32 on Linux and macOS; Windows says ERROR_NO_DATA (232).
        let closed = message.starts_with("failed printing to stdout")
            && (message.ends_with("(os error 32)") || message.ends_with("(os error 232)"));
        if closed {
            std::process::exit(0);
        }
        report(info);
    }));
}
