using Fashen.Api;

// The service on its own (dotnet run --project api); `fashen serve` builds the same application.
var app = FashenApplication.Build(args);
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
