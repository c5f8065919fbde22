//! Man pages and shell completions of drbdadm, drbdsetup and drbdmeta, generated from the
//! code's own tables so they cannot drift: drbd.conf(5) from the option table
//! (`conf_parser::options::OPTIONS`), the section 8 pages and the completions from clap
//! models of the three tools (`model`), built from drbdadm's, drbdsetup's and drbdmeta's
//! command tables.
//!
//! `gen-man DIR` writes every file below DIR (the checked-in copies live in `man/`);
//! `gen-man --check DIR` reports the files that differ.

pub mod completions;
pub mod conf5;
pub mod model;
pub mod pages;
pub mod roff;
pub mod values;

/// A function building one tool's clap model.
type ModelFn = fn() -> clap::Command;

/// Every generated file: its path relative to `man/` and its contents.
pub fn all_files() -> Vec<(String, String)> {
    let mut files = vec![
        ("drbd.conf.5".to_string(), conf5::page(model::VERSION)),
        ("drbdadm.8".to_string(), pages::drbdadm()),
        ("drbdsetup.8".to_string(), pages::drbdsetup()),
        ("drbdmeta.8".to_string(), pages::drbdmeta()),
    ];
    let tools: [(&str, ModelFn); 3] = [
        ("drbdadm", model::drbdadm),
        ("drbdsetup", model::drbdsetup),
        ("drbdmeta", model::drbdmeta),
    ];
    for (shell, dir) in completions::SHELLS {
        for (tool, make) in tools {
            files.push((
                format!("completions/{dir}/{}", completions::file_name(*shell, tool)),
                completions::script(*shell, make()),
            ));
        }
    }
    files
}
