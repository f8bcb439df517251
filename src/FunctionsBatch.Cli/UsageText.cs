namespace FunctionsBatch.Cli;

public static class UsageText
{
    public const string Text = """
        fbatch - start and follow FunctionsBatch runs through the runs HTTP API

        Usage:
          fbatch run (--job NAME | --spec FILE.json) --input FILE [--no-wait] [--sim URL] [connection]
          fbatch status RUN_ID [--wait] [--json] [connection]
          fbatch cancel RUN_ID [connection]
          fbatch results RUN_ID [--status succeeded|failed|skipped] [--out FILE.jsonl] [--page-size N] [connection]
          fbatch --help

        Commands:
          run       Reads the records of FILE, starts a run of a deployed job (--job) or of an inline
                    spec (--spec), follows it with a progress line on stderr and prints a summary on
                    stdout when it finishes.
                      FILE        .jsonl/.ndjson: one JSON object per line; .csv: a header row, string
                                  fields and an 'id' column; .json: an array of objects
                      --no-wait   print the run id on stdout once the run is accepted, and return
                      --sim URL   read the simulator's /sim/stats before and after the run and check
                                  its token counts against the run's
          status    Prints a run's status, counters, tokens and cost. --wait follows it like 'run';
                    --json prints the API's JSON unchanged.
          cancel    Asks a running run to stop.
          results   Writes a run's per-record results as JSON lines (to stdout unless --out),
                    following continuation tokens; --status keeps one record status only.

        Connection:
          --host URL        Function App or local host (env FBATCH_HOST; default http://127.0.0.1:7071)
          --key KEY         function key, sent as x-functions-key (env FBATCH_KEY)
          --key-file PATH   read the key from a file; with no key given at all, .run/localhost.key
                            is used when it exists (the local host writes its key there)

        Exit codes:
          0  the run succeeded, or the command did what it was asked (status: run not finished yet)
          2  the run completed with failed records
          1  the run failed or was canceled, or an error: bad arguments, unreadable file,
             unreachable host, an error answer from the API
        """;
}
