/// The one stylesheet, served at `SiteURL.stylesheet`. Colours meet WCAG AA contrast.
enum Stylesheet {
    static let css = """
    :root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--bg:#f5f7fa;--brand:#9b1c1c;--brand-ink:#fff;--link:#0b5cad;--ok:#1e6b3a;--warn:#8a4b00;--err:#a61b1b;font-size:16px}
    *{box-sizing:border-box}
    body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--ink);background:var(--bg);line-height:1.6}
    a{color:var(--link)} a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f0b429;outline-offset:2px}
    .skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10} .skip:focus{left:1rem}
    .topbar{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;background:var(--brand);color:var(--brand-ink);padding:.75rem 1.25rem}
    .topbar a,.topbar .link-button{color:var(--brand-ink)} .brand{font-weight:700;font-size:1.1rem;text-decoration:none}
    .who{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
    .public-nav{display:flex;gap:1.25rem} .public-nav a{text-decoration:none}
    .inline{display:inline}
    .link-button{background:none;border:1px solid currentColor;border-radius:4px;padding:.2rem .6rem;cursor:pointer;font:inherit}
    .shell{display:flex;min-height:calc(100vh - 8rem)}
    .sidenav{width:13rem;flex:none;background:#fff;border-right:1px solid var(--line);padding:1rem}
    .nav-module{font-size:.85rem;color:var(--muted);margin:1rem 0 .25rem} .sidenav ul{list-style:none;margin:0;padding:0}
    .sidenav a{display:block;padding:.35rem .5rem;border-radius:4px;text-decoration:none}
    .sidenav a[aria-current=page]{background:#fbeaea;color:var(--brand);font-weight:700}
    .content{flex:1;padding:1.25rem 1.75rem;max-width:72rem} .content.public{margin:0 auto}
    h1{font-size:1.5rem;margin:.25rem 0 1rem} h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
    .card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem 1.25rem;margin-bottom:1rem}
    .stats{display:flex;flex-wrap:wrap;gap:1rem} .stat{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;min-width:9rem}
    .stat-value{font-size:1.6rem;font-weight:700;margin:0} .stat-label{margin:0;color:var(--muted)}
    .field{margin-bottom:.9rem;display:flex;flex-direction:column;max-width:28rem} .field label{font-weight:600}
    .req{color:var(--err);font-weight:400;font-size:.85rem}
    input,select,textarea{font:inherit;padding:.45rem .6rem;border:1px solid #7b8794;border-radius:4px;background:#fff;color:var(--ink)}
    .has-error input{border-color:var(--err)} .error-text{color:var(--err);margin:.2rem 0 0} .hint{color:var(--muted);margin:.2rem 0 0;font-size:.9rem}
    button,.button{font:inherit;background:var(--brand);color:#fff;border:none;border-radius:4px;padding:.5rem 1.1rem;cursor:pointer;text-decoration:none;display:inline-block}
    button.secondary{background:#fff;color:var(--brand);border:1px solid var(--brand)}
    .alert{padding:.75rem 1rem;border-radius:4px;margin-bottom:1rem;border:1px solid} .alert.error{background:#fdecec;border-color:var(--err);color:#7a1212}
    .alert.ok{background:#e9f6ee;border-color:var(--ok);color:#14522b} .alert.warn{background:#fff5e6;border-color:var(--warn);color:#6b3a00}
    .table-wrap{overflow-x:auto} table{border-collapse:collapse;width:100%;background:#fff}
    caption{text-align:left;font-weight:600;padding:.5rem 0} th,td{border:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top} th{background:#eef2f7}
    .source{display:inline-block;font-size:.85rem;color:var(--muted);background:#eef2f7;border-radius:3px;padding:0 .4rem}
    .badge{display:inline-block;font-size:.8rem;border-radius:3px;padding:0 .4rem;background:#eef2f7} .badge.warn{background:#fff5e6;color:#6b3a00} .badge.err{background:#fdecec;color:#7a1212} .badge.ok{background:#e9f6ee;color:#14522b}
    .filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end} .filters .field{margin:0}
    .token{font-family:monospace;word-break:break-all;background:#fff;border:1px dashed var(--brand);padding:.5rem}
    .empty{color:var(--muted)} .site-footer{text-align:center;color:var(--muted);font-size:.85rem;padding:1rem}
    .cal{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem} .cal table{font-size:.85rem} .cal td{text-align:center;padding:.2rem}
    .d-holiday{background:#fdecec;color:#7a1212} .d-adjusted{background:#fff5e6;color:#6b3a00} .d-weekend{color:var(--muted)}
    .login{max-width:26rem;margin:2rem auto}
    .flowchart{max-width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:6px}
    .doc{max-width:46rem;margin:0 auto;background:#fff;padding:2rem 2.5rem;border:1px solid var(--line);font-size:1.05rem;line-height:1.9}
    .doc h1{text-align:center;font-size:1.6rem;letter-spacing:.2rem} .doc .docno{text-align:right} .doc .sign{text-align:right;margin-top:3rem}
    .doc table{margin:1rem 0} .doc-tools{margin-bottom:1rem}
    @page{size:A4;margin:20mm 18mm}
    @media print{.topbar,.sidenav,.skip,.site-footer,.doc-tools{display:none!important}.shell{display:block}.content{padding:0}
      .doc{border:none;padding:0;max-width:none;font-size:12pt}body{background:#fff}a{color:#000;text-decoration:none}}
    @media (max-width:760px){.shell{flex-direction:column}.sidenav{width:auto;border-right:none;border-bottom:1px solid var(--line)}.content{padding:1rem}}
    """
}
