from permaudit.cli import main

main()
