using CapacityAnalytics.Cli;
using Spectre.Console;

return await CliApp.RunAsync(args, AnsiConsole.Console, TimeProvider.System, terminal: !Console.IsOutputRedirected);
