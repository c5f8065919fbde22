//! A small log-log line plot as SVG, written by hand (no plotting dependency): two panels
//! side by side, time and peak memory against the number of resources.

use std::fmt::Write as _;

/// One line of a panel.
pub struct Series {
    /// Legend text.
    pub label: String,
    /// Stroke colour.
    pub color: &'static str,
    /// Dashed (drbd-utils) or solid (ours).
    pub dashed: bool,
    /// (resources, value) points.
    pub points: Vec<(f64, f64)>,
}

/// A panel: title, y-axis unit and its lines.
pub struct Panel {
    /// Title above the panel.
    pub title: String,
    /// Unit of the y axis, e.g. `s` or `MiB`.
    pub unit: &'static str,
    /// Its lines.
    pub series: Vec<Series>,
}

const W: f64 = 520.0;
const H: f64 = 380.0;
const LEFT: f64 = 70.0;
const TOP: f64 = 40.0;
const PW: f64 = 400.0;
const PH: f64 = 260.0;

/// The whole picture.
pub fn render(panels: &[Panel]) -> String {
    let width = W * panels.len() as f64;
    let legend_rows = panels.iter().map(|p| p.series.len()).max().unwrap_or(0);
    let height = H + 16.0 * legend_rows as f64;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    );
    for (i, p) in panels.iter().enumerate() {
        panel(&mut s, p, W * i as f64);
    }
    s.push_str("</svg>\n");
    s
}

fn decades(lo: f64, hi: f64) -> (f64, f64) {
    (
        lo.log10().floor(),
        hi.log10().ceil().max(lo.log10().floor() + 1.0),
    )
}

fn panel(s: &mut String, p: &Panel, x0: f64) {
    let pts = p.series.iter().flat_map(|l| l.points.iter());
    let (mut xmin, mut xmax, mut ymin, mut ymax) = (f64::MAX, 0f64, f64::MAX, 0f64);
    for &(x, y) in pts {
        if x > 0.0 && y > 0.0 {
            xmin = xmin.min(x);
            xmax = xmax.max(x);
            ymin = ymin.min(y);
            ymax = ymax.max(y);
        }
    }
    if xmax == 0.0 {
        return;
    }
    let (xa, xb) = decades(xmin, xmax);
    let (ya, yb) = decades(ymin, ymax);
    let px = |x: f64| x0 + LEFT + (x.log10() - xa) / (xb - xa) * PW;
    let py = |y: f64| TOP + PH - (y.log10() - ya) / (yb - ya) * PH;
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"20\" font-size=\"13\" font-weight=\"bold\">{}</text>",
        x0 + LEFT,
        esc(&p.title)
    );
    let _ = writeln!(
        s,
        "<rect x=\"{}\" y=\"{TOP}\" width=\"{PW}\" height=\"{PH}\" fill=\"none\" stroke=\"#444\"/>",
        x0 + LEFT
    );
    let mut d = xa;
    while d <= xb {
        let x = px(10f64.powf(d));
        let _ = writeln!(
            s,
            "<line x1=\"{x}\" y1=\"{TOP}\" x2=\"{x}\" y2=\"{}\" stroke=\"#ddd\"/><text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            TOP + PH,
            TOP + PH + 14.0,
            label(10f64.powf(d))
        );
        d += 1.0;
    }
    let mut d = ya;
    while d <= yb {
        let y = py(10f64.powf(d));
        let _ = writeln!(
            s,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#ddd\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{} {}</text>",
            x0 + LEFT,
            x0 + LEFT + PW,
            x0 + LEFT - 4.0,
            y + 4.0,
            label(10f64.powf(d)),
            p.unit
        );
        d += 1.0;
    }
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">resources</text>",
        x0 + LEFT + PW / 2.0,
        TOP + PH + 30.0
    );
    for (k, l) in p.series.iter().enumerate() {
        let path: Vec<String> = l
            .points
            .iter()
            .filter(|(x, y)| *x > 0.0 && *y > 0.0)
            .map(|&(x, y)| format!("{:.1},{:.1}", px(x), py(y)))
            .collect();
        let dash = if l.dashed {
            " stroke-dasharray=\"6 4\""
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{dash}/>",
            path.join(" "),
            l.color
        );
        for pt in &path {
            let (x, y) = pt.split_once(',').unwrap_or(("0", "0"));
            let _ = writeln!(
                s,
                "<circle cx=\"{x}\" cy=\"{y}\" r=\"2.5\" fill=\"{}\"/>",
                l.color
            );
        }
        let ly = TOP + PH + 48.0 + 16.0 * k as f64;
        let _ = writeln!(
            s,
            "<line x1=\"{}\" y1=\"{ly}\" x2=\"{}\" y2=\"{ly}\" stroke=\"{}\" stroke-width=\"2\"{dash}/><text x=\"{}\" y=\"{}\">{}</text>",
            x0 + LEFT,
            x0 + LEFT + 30.0,
            l.color,
            x0 + LEFT + 36.0,
            ly + 4.0,
            esc(&l.label)
        );
    }
}

fn label(v: f64) -> String {
    if v >= 1e6 {
        format!("{}M", v / 1e6)
    } else if v >= 1e3 {
        format!("{}k", v / 1e3)
    } else if v >= 1.0 {
        format!("{v}")
    } else {
        format!("{v:.3}").trim_end_matches('0').to_string()
    }
}

fn esc(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plot_has_a_line_per_series_and_log_ticks() {
        let p = Panel {
            title: "time".into(),
            unit: "s",
            series: vec![Series {
                label: "ours sh-nop".into(),
                color: "#1f77b4",
                dashed: false,
                points: vec![(1000.0, 0.01), (10000.0, 0.1)],
            }],
        };
        let svg = render(&[p]);
        assert!(svg.starts_with("<svg"));
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert!(svg.contains(">10k<"));
        assert!(svg.contains("ours sh-nop"));
    }
}
