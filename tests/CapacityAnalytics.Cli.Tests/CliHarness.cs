using Spectre.Console;

namespace CapacityAnalytics.Cli.Tests;

/// <summary>Runs the CLI in-process against a recording console: exit code and everything it printed.</summary>
public static class CliHarness
{
    public static (int Exit, string Output) Run(params string[] args) => Run(200, true, args);

    /// <summary>Runs the CLI on a console of the given width, as a terminal or as a log file / pipe.</summary>
    public static (int Exit, string Output) Run(int width, bool terminal, params string[] args)
    {
        var writer = new StringWriter();
        var console = RecordingConsole(writer, width);
        var exit = CliApp.RunAsync(args, console, TimeProvider.System, terminal).GetAwaiter().GetResult();
        return (exit, writer.ToString());
    }

    /// <summary>A plain console (no colour, no prompts) of the given width that writes into <paramref name="writer"/>.</summary>
    public static IAnsiConsole RecordingConsole(StringWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }

    public static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "CapacityAnalytics.sln"))) dir = dir.Parent;
        return Path.Combine(dir.FullName, relative);
    }
}
