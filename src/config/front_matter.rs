//! The blog engine a Markdown render is for: a project setting
//! (`front_matter` in postmortem.yml) that rendering reads, so it lives
//! with the configuration, below rendering.

/// The front matter a Markdown render starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum FrontMatter {
    /// Title, date, description and tags, which Hugo, Jekyll and Zola all read.
    #[default]
    Plain,
    /// Hugo: YAML with `title`, `date`, `description`, `tags`, `draft`.
    Hugo,
    /// Jekyll: YAML with `layout: post`, `title`, `date`, `categories`, `tags`.
    Jekyll,
    /// Zola: TOML between `+++` lines, tags under `[taxonomies]`.
    Zola,
    /// None: a `#` title heading instead.
    None,
}

impl FrontMatter {
    /// The names, as `front_matter` and `--front-matter` take them.
    pub const NAMES: [&'static str; 5] = ["plain", "hugo", "jekyll", "zola", "none"];

    /// The flavour named `name`.
    pub fn from_name(name: &str) -> Option<FrontMatter> {
        [
            FrontMatter::Plain,
            FrontMatter::Hugo,
            FrontMatter::Jekyll,
            FrontMatter::Zola,
            FrontMatter::None,
        ]
        .into_iter()
        .zip(Self::NAMES)
        .find(|(_, n)| *n == name)
        .map(|(f, _)| f)
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}
