from getitong.cli import main

main()
