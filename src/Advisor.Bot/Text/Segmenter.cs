using JiebaNet.Segmenter;

namespace Advisor.Bot.Text;

/// <summary>
/// jieba.NET, loaded once per process: its dictionary takes about a second and 57 MB, and the word list it
/// keeps is global to the library anyway. Domain words (titles, aliases, material names) are added so that
/// 高龄补贴 stays one token.
/// </summary>
internal sealed class Segmenter
{
    private static readonly Lazy<JiebaSegmenter> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly HashSet<string> Added = new(StringComparer.Ordinal);
    private static readonly Lock AddLock = new();

    private readonly JiebaSegmenter _jieba;

    /// <summary>Wraps the process-wide segmenter and adds the given domain words to it.</summary>
    public Segmenter(IEnumerable<string> domainWords)
    {
        ArgumentNullException.ThrowIfNull(domainWords);
        _jieba = Shared.Value;

        // The library's word list is shared by every instance: add each word once. Hosts in one process
        // load the same rules, so a second host adds nothing and never writes while another one cuts.
        lock (AddLock)
        {
            foreach (var word in domainWords)
            {
                if (word.Length >= 2 && word.Length <= 12 && Added.Add(word))
                    _jieba.AddWord(word, 2000);
            }
        }
    }

    /// <summary>
    /// Starts loading the dictionary on a pool thread, so that it overlaps the host's other start-up work
    /// (loading and compiling the rules) instead of following it. The first instance waits for it; a
    /// failure surfaces there, where start-up reports it.
    /// </summary>
    public static void LoadInBackground() =>
        _ = Task.Run(() => Shared.Value).ContinueWith(
            loading => _ = loading.Exception, TaskContinuationOptions.OnlyOnFaulted);

    /// <summary>Cuts normalised text into words (precise mode, HMM for unknown words).</summary>
    public IEnumerable<string> Cut(string text) => _jieba.Cut(text, cutAll: false, hmm: true);

    private static JiebaSegmenter Create()
    {
        // The package's dictionary files are copied next to the assembly (see the project file).
        var resources = Path.Combine(AppContext.BaseDirectory, "Resources");
        if (!File.Exists(Path.Combine(resources, "dict.txt")))
            throw new FileNotFoundException(
                $"jieba.NET's dictionary is missing from {resources}; the Advisor.Bot project copies it there.");

        ConfigManager.ConfigFileBaseDir = resources;
        return new JiebaSegmenter();
    }
}
