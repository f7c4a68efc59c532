from stance.cli.commands import main

main()
