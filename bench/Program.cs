using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Fashen.Bench.ClassificationBenchmarks).Assembly).Run(args);
