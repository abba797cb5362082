using Fashen.Cli;

// The composition root of the command line: the real console and the real clock.
return CliApplication.Run(args, Console.Out, Console.Error, TimeProvider.System, Directory.GetCurrentDirectory());
