//! Values the front matter writes by name (`status: review`, `kind:
//! detected`): one macro gives each such enum its table of names, `name`
//! and `from_name`, so the spelling of a value has one definition.

/// `names!(Type { Variant => "name", ... })`: `Type::NAMES` (every value
/// with its name, in the format's order), `Type::name` and
/// `Type::from_name`.
macro_rules! names {
    ($type:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $type {
            /// Every value with its name as written, in the format's order.
            pub const NAMES: [($type, &'static str); [$($name),*].len()] =
                [$(($type::$variant, $name)),*];

            /// The names alone, in the same order.
            pub const NAME_LIST: [&'static str; [$($name),*].len()] = [$($name),*];

            /// The name as written in the front matter.
            pub fn name(self) -> &'static str {
                match self {
                    $($type::$variant => $name,)*
                }
            }

            /// The value a name stands for.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($name => Some($type::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

pub(crate) use names;
