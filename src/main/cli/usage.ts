export const USAGE = `Usage: minnes <command> [options]

  minnes --version
  minnes render <input> --out <file.docx|file.pdf> [--template <key>]
  minnes import <input.md|input.txt|input.docx> [--series <name>]
  minnes new --template <key> [--from <id>] [--date YYYY-MM-DD] [--series <name>]
  minnes list [--limit <n>] [--json]
  minnes show <id> [--json]
  minnes export <id> --out <file.docx|file.pdf|file.zip|file.json>
  minnes status <id> <utkast|granskning|justerad|registrerad> [--dnr <dnr>] [--by <name>] [--date YYYY-MM-DD]
  minnes search <query> [--json]
  minnes template list | save <id> --key <key> --name <name> | export <key> --out <file.json> | import <file.json>
  minnes backup --out <file> | --restore <file>
  minnes check
  minnes server [--port <n>] [--host <address>] [--cert <file> --key <file>] [--database postgres://…]
  minnes server user add "<name>" --role sekreterare|rapportör [--database postgres://…]
  minnes server trial [--data <folder>] [--port <n>]

Commands that use the store take --db <file> (else MINNES_DB, else the app's own database).
server trial: a team trial on this machine: its own PostgreSQL in --data (else $XDG_DATA_HOME/minnes-team-trial,
else ~/.local/share/minnes-team-trial, /var/lib/minnes-team-trial as root; kept between runs) and the team server on 127.0.0.1 (port 5200); Ctrl+C stops both.
Exit status: 0 done, 1 bad input or state, 2 wrong usage.
`;
