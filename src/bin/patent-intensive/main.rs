//! Temporary
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let report = patent_intensive::assess(&text, &patent_intensive::Options::default());
    #[allow(clippy::print_stdout)]
    {
        println!("{}", report.to_json_pretty());
    }
}
