from sora_migrate.cli import main

main()
