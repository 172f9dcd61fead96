from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_csp = resolve('csp')
    l_0_view = resolve('view')
    l_0_css = resolve('css')
    l_0_noscript_css = resolve('noscript_css')
    l_0_blob = resolve('blob')
    l_0_js = resolve('js')
    l_0_m = missing
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('macros.html.j2', 'report.html.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="'
    yield escape((undefined(name='csp') if l_0_csp is missing else l_0_csp))
    yield '">\n<meta name="generator" content="driftcheck">\n<title>'
    yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'title'))
    yield '</title>\n<style>'
    yield escape((undefined(name='css') if l_0_css is missing else l_0_css))
    yield '</style>\n<noscript><style>'
    yield escape((undefined(name='noscript_css') if l_0_noscript_css is missing else l_0_noscript_css))
    yield '</style></noscript>\n</head>\n<body class="mode-'
    yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'mode'))
    yield '">\n<a class="skip" href="#sentences">Skip to the sentences</a>\n<header class="masthead">\n  <div class="wrap">\n    <div class="title-line">\n      <p class="brand">driftcheck</p>\n      <h1>'
    if (t_2(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs')) == 1):
        pass
        yield '<span dir="auto">'
        yield escape(environment.getattr(environment.getitem(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs'), 0), 'path'))
        yield '</span>'
    else:
        pass
        yield escape(t_2(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs')))
        yield ' documents'
    yield '</h1>\n    </div>\n    <p class="sub">\n      '
    yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'mode_label'))
    yield ' check · '
    yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'total'))
    yield ' sentence'
    yield escape(('' if (environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'total') == 1) else 's'))
    yield '\n'
    def t_4(fiter):
        for l_1_doc in fiter:
            if environment.getattr(l_1_doc, 'source_path'):
                yield l_1_doc
    for l_1_doc in t_4(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs')):
        _loop_vars = {}
        pass
        yield '· source <span dir="auto">'
        yield escape(environment.getattr(l_1_doc, 'source_path'))
        yield '</span> ('
        yield escape(environment.getattr(l_1_doc, 'source_lang'))
        yield ')'
    l_1_doc = missing
    yield '    </p>\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'note'):
        pass
        yield '<p class="sub mode-note">'
        yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'note'))
        yield '</p>'
    yield '    <div class="summary-bar verdict-card v-'
    yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'worst'))
    yield '">\n      <p class="headline">'
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'icon'), environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'worst')))
    yield '\n        <span>'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'flagged'):
        pass
        yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'flagged'))
        yield ' of '
        yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'total'))
        yield ' sentence'
        yield escape(('' if (environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'total') == 1) else 's'))
        yield ' need'
        yield escape(('s' if (environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'flagged') == 1) else ''))
        yield ' a look'
    else:
        pass
        yield 'Every sentence came through'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'notes'):
        pass
        yield '<span class="notes-line"> · '
        yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'notes'))
        yield ' note'
        yield escape(('' if (environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'notes') == 1) else 's'))
        yield ' on OK sentences</span>'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'baselined'):
        pass
        yield '<span class="notes-line"> · '
        yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'baselined'))
        yield ' baselined flag'
        yield escape(('' if (environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'baselined') == 1) else 's'))
        yield '</span>'
    yield '</span>\n      </p>\n      <ul class="counts" aria-label="Sentences by verdict">\n'
    for (l_1_verdict, l_1_label, l_1_n) in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'counts'):
        _loop_vars = {}
        pass
        yield '        <li class="count v-'
        yield escape(l_1_verdict)
        yield '">'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'icon'), l_1_verdict, _loop_vars=_loop_vars))
        yield '<span class="n">'
        yield escape(l_1_n)
        yield '</span> <span class="count-label">'
        yield escape(l_1_label)
        yield '</span></li>\n'
    l_1_verdict = l_1_label = l_1_n = missing
    yield '      </ul>\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'checks'):
        pass
        yield '      <div class="chips" role="toolbar" aria-label="Show only the sentences a check flagged">\n        <span class="chips-label" aria-hidden="true">'
        yield escape(('Flags' if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'flagged') else 'Notes'))
        yield '</span>\n'
        l_1_loop = missing
        for (l_1_name, l_1_n, l_1_sentences), l_1_loop in LoopContext(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'checks'), undefined):
            _loop_vars = {}
            pass
            yield '<button type="button" class="chip" data-check="'
            yield escape(l_1_name)
            yield '" aria-pressed="false" tabindex="'
            yield escape((0 if environment.getattr(l_1_loop, 'first') else -1))
            yield '" title="'
            yield escape(l_1_n)
            yield ' flag'
            yield escape(('' if (l_1_n == 1) else 's'))
            yield ' in '
            yield escape(l_1_sentences)
            yield ' sentence'
            yield escape(('' if (l_1_sentences == 1) else 's'))
            yield '">'
            yield escape(l_1_name)
            yield ' <b>'
            yield escape(l_1_n)
            yield '</b></button>'
        l_1_loop = l_1_name = l_1_n = l_1_sentences = missing
        yield '      </div>\n'
    yield '      <p class="progress"><output id="progress">0 of '
    yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'flagged'))
    yield ' flagged sentence'
    yield escape(('' if (environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'flagged') == 1) else 's'))
    yield ' reviewed</output>\n        <button type="button" id="export-decisions" class="small">Export decisions</button></p>\n    </div>\n    <div class="folds">\n      <details class="fold run-details">\n        <summary>About this run</summary>\n        <div class="fold-body facts-card">\n'
    if ((t_2(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs')) == 1) and environment.getattr(environment.getitem(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs'), 0), 'scores')):
        pass
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'scores_table'), environment.getattr(environment.getitem(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs'), 0), 'scores'), 'Corpus scores'))
    yield '          <dl class="facts">\n            <dt>Mode</dt><dd>'
    yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'mode_label'))
    yield '</dd>\n'
    for (l_1_label, l_1_value) in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'facts'):
        _loop_vars = {}
        pass
        yield '<dt>'
        yield escape(l_1_label)
        yield '</dt><dd>'
        yield escape(l_1_value)
        yield '</dd>'
    l_1_label = l_1_value = missing
    yield '          </dl>\n          <details class="signature">\n            <summary>Signature <span class="muted">(everything that produced these numbers)</span></summary>\n            <pre>'
    yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'signature_json'))
    yield '</pre>\n          </details>\n        </div>\n      </details>\n'
    if environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'bins'):
        pass
        yield '      <details class="fold charts-fold">\n        <summary>Charts <span class="muted">drift along the '
        yield escape(('article' if (t_2(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs')) == 1) else 'documents'))
        yield ', chrF per sentence</span></summary>\n        <div class="fold-body charts">\n          <figure class="chart chart-strip">\n            <figcaption id="strip-caption">Drift along the '
        yield escape(('article' if (t_2(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs')) == 1) else 'documents'))
        yield ' <span class="muted">'
        if environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'per_bin'):
            pass
            yield 'one bar per sentence'
        else:
            pass
            yield escape(t_2(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'bins')))
            yield ' regions, each its worst sentence'
        yield '; taller = more likely shifted. Click a bar, or focus the strip and use the arrow keys and Enter, to '
        if environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'per_bin'):
            pass
            yield 'open its sentence'
        else:
            pass
            yield 'show only that region'
        yield '.</span></figcaption>\n            <div class="strip-wrap" id="strip" role="slider" tabindex="0" aria-labelledby="strip-caption" aria-valuemin="1" aria-valuemax="'
        yield escape(t_2(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'bins')))
        yield '" aria-valuenow="1" aria-valuetext="'
        yield escape(('sentence' if environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'per_bin') else 'region'))
        yield ' 1">\n              <svg class="strip" viewBox="0 0 '
        yield escape(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'width'))
        yield ' '
        yield escape(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'height'))
        yield '" preserveAspectRatio="none" aria-hidden="true" focusable="false">\n                <line class="axis" x1="0" x2="'
        yield escape(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'width'))
        yield '" y1="'
        yield escape(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'height'))
        yield '" y2="'
        yield escape(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'height'))
        yield '"></line>\n'
        l_1_loop = missing
        for l_1_b, l_1_loop in LoopContext(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strip'), 'bins'), undefined):
            _loop_vars = {}
            pass
            yield '<rect class="bar v-'
            yield escape(environment.getattr(l_1_b, 'verdict'))
            yield '" data-bin="'
            yield escape(environment.getattr(l_1_loop, 'index0'))
            yield '" x="'
            yield escape(environment.getattr(l_1_b, 'x'))
            yield '" y="'
            yield escape(environment.getattr(l_1_b, 'y'))
            yield '" width="8" height="'
            yield escape(environment.getattr(l_1_b, 'height'))
            yield '"></rect>'
        l_1_loop = l_1_b = missing
        yield '              </svg>\n            </div>\n            <div class="legend">'
        for (l_1_verdict, l_1_label, l_1_n) in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'counts'):
            _loop_vars = {}
            pass
            yield '<span class="key v-'
            yield escape(l_1_verdict)
            yield '">'
            yield escape(l_1_label)
            yield '</span>'
        l_1_verdict = l_1_label = l_1_n = missing
        yield '</div>\n          </figure>\n'
        if environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'histogram'), 'any'):
            pass
            yield '          <figure class="chart chart-hist">\n            <figcaption>chrF per sentence <span class="muted">higher = closer; click a band to show only its sentences</span></figcaption>\n            <div class="hist" role="group" aria-label="Sentences by chrF band">\n'
            for l_1_b in environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'histogram'), 'bins'):
                _loop_vars = {}
                pass
                yield '              <button type="button" class="hbin band-'
                yield escape(environment.getattr(l_1_b, 'band'))
                yield '" data-band="'
                yield escape(environment.getattr(l_1_b, 'lo'))
                yield '" aria-pressed="false"><span class="hcount">'
                yield escape(environment.getattr(l_1_b, 'count'))
                yield '</span><span class="sr-only"> sentence'
                yield escape(('' if (environment.getattr(l_1_b, 'count') == 1) else 's'))
                yield ' with chrF </span><span class="hbar" data-pct="'
                yield escape(environment.getattr(l_1_b, 'pct'))
                yield '"></span><span class="htick">'
                yield escape(environment.getattr(l_1_b, 'lo'))
                yield '</span><span class="sr-only"> to '
                yield escape(environment.getattr(l_1_b, 'hi'))
                yield '</span></button>\n'
            l_1_b = missing
            yield '            </div>\n          </figure>\n'
        yield '        </div>\n      </details>\n'
    if (t_2(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs')) > 1):
        pass
        yield '      <details class="fold index" open>\n        <summary id="index-title">Documents ('
        yield escape(t_2(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs')))
        yield ')</summary>\n        <div class="fold-body table-scroll">\n        <table class="doc-index" aria-labelledby="index-title">\n          <thead><tr><th scope="col">Document</th><th scope="col">Lang</th><th scope="col">Verdicts</th><th scope="col">Corpus chrF · BLEU · TER</th></tr></thead>\n          <tbody>\n'
        for l_1_doc in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs'):
            _loop_vars = {}
            pass
            yield '            <tr>\n              <th scope="row"><a href="#'
            yield escape(environment.getattr(l_1_doc, 'anchor'))
            yield '" dir="auto">'
            yield escape(environment.getattr(l_1_doc, 'path'))
            yield '</a></th>\n              <td>'
            yield escape(environment.getattr(l_1_doc, 'lang'))
            if environment.getattr(l_1_doc, 'source_lang'):
                pass
                yield ' ← '
                yield escape(environment.getattr(l_1_doc, 'source_lang'))
            yield '</td>\n              <td class="nowrap">'
            for (l_2_verdict, l_2_label, l_2_n) in environment.getattr(l_1_doc, 'counts'):
                _loop_vars = {}
                pass
                yield '<span class="mini v-'
                yield escape(l_2_verdict)
                yield '">'
                yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'icon'), l_2_verdict, _loop_vars=_loop_vars))
                yield escape(l_2_n)
                yield ' <span class="count-label">'
                yield escape(l_2_label)
                yield '</span></span>'
            l_2_verdict = l_2_label = l_2_n = missing
            yield '</td>\n              <td>'
            for l_2_s in environment.getattr(l_1_doc, 'scores'):
                _loop_vars = {}
                pass
                yield '<div><span class="muted">'
                yield escape(environment.getattr(l_2_s, 'label'))
                yield ':</span> '
                yield escape(t_1('%.1f', environment.getattr(l_2_s, 'chrf')))
                yield ' · '
                yield escape(t_1('%.1f', environment.getattr(l_2_s, 'bleu')))
                yield ' · '
                yield escape(t_1('%.1f', environment.getattr(l_2_s, 'ter')))
                yield '</div>'
            l_2_s = missing
            yield '</td>\n            </tr>\n'
        l_1_doc = missing
        yield '          </tbody>\n        </table>\n        </div>\n      </details>\n'
    yield '    </div>\n  </div>\n</header>\n\n<div class="wrap">\n<nav class="controls" aria-label="Filter, search and sort the sentences">\n  <fieldset class="verdict-filter">\n    <legend>Show</legend>\n'
    for (l_1_verdict, l_1_label, l_1_n) in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'counts'):
        _loop_vars = {}
        pass
        yield '    <label class="toggle v-'
        yield escape(l_1_verdict)
        yield '"><input type="checkbox" data-filter-verdict="'
        yield escape(l_1_verdict)
        yield '" checked>'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'icon'), l_1_verdict, _loop_vars=_loop_vars))
        yield escape(l_1_label)
        yield ' <span class="muted">'
        yield escape(l_1_n)
        yield '</span></label>\n'
    l_1_verdict = l_1_label = l_1_n = missing
    yield '  </fieldset>\n  <label class="toggle flagged"><input type="checkbox" id="flagged-only"> Flagged only</label>\n  <label class="select">Check\n    <select id="check-filter">\n      <option value="">all checks</option>\n'
    for (l_1_name, l_1_n, l_1_sentences) in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'checks'):
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(l_1_name)
        yield '">'
        yield escape(l_1_name)
        yield ' ('
        yield escape(l_1_sentences)
        yield ' sentence'
        yield escape(('' if (l_1_sentences == 1) else 's'))
        yield ')</option>'
    l_1_name = l_1_n = l_1_sentences = missing
    yield '    </select>\n  </label>\n  <label class="select">Review\n    <select id="review-filter">\n      <option value="">any review state</option>\n      <option value="none">not reviewed</option>\n      <option value="confirmed">confirmed</option>\n      <option value="false_alarm">false alarm</option>\n      <option value="fixed">fixed</option>\n    </select>\n  </label>\n  <label class="select search">Search <input type="search" id="search" placeholder="id, source or translation" autocomplete="off" spellcheck="false"></label>\n  <label class="select">Order\n    <select id="sort">\n      <option value="order">in '
    yield escape(('article' if (t_2(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'docs')) == 1) else 'document'))
    yield ' order</option>\n      <option value="drift">highest drift first</option>\n      <option value="chrf">lowest chrF first</option>\n    </select>\n  </label>\n  <span class="buttons">\n    <button type="button" id="expand-all">Expand all</button>\n    <button type="button" id="collapse-all">Collapse all</button>\n    <button type="button" id="view-issues" aria-pressed="false" aria-controls="issues">Issue table</button>\n  </span>\n  <p class="status"><output id="shown" aria-live="polite">'
    yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'total'))
    yield ' of '
    yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'total'))
    yield ' sentences</output>\n    <span id="active-filters" class="active-filters"></span>\n    <button type="button" id="clear-filters" class="small" hidden>Clear filters</button>\n    <span class="keys"><kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>c</kbd> confirmed · <kbd>f</kbd> false alarm · <kbd>x</kbd> fixed · <kbd>/</kbd> search</span></p>\n</nav>\n\n<main id="sentences" tabindex="-1" aria-label="Sentences">\n  <div id="list" class="list"></div>\n  <p class="more" id="more" hidden><button type="button" id="show-more">Show more</button></p>\n  <p class="empty" id="empty" hidden>No sentences match these filters.</p>\n</main>\n\n<section id="issues" class="issues off" aria-labelledby="issues-title">\n  <h2 id="issues-title">Issues <span class="muted">one row per flag, grouped by check, for the sentences shown</span></h2>\n  <p class="issue-actions"><button type="button" id="download-csv">Download CSV</button> <button type="button" id="print-issues">Print</button> <output id="issue-count"></output></p>\n  <div class="table-scroll"><table class="issue-table" id="issue-table">\n    <thead><tr><th scope="col">Sentence</th><th scope="col">Verdict</th><th scope="col">Check</th><th scope="col">Message</th><th scope="col">Source span</th><th scope="col">Translation span</th></tr></thead>\n  </table></div>\n  <p class="more" id="issues-more" hidden><button type="button" id="issues-show-all">Show every row</button></p>\n</section>\n\n<noscript>\n<section class="issues noscript-issues" aria-labelledby="ns-issues-title">\n  <h2 id="ns-issues-title">Issues <span class="muted">this page shows its sentences with JavaScript; without it, one row per flag</span></h2>\n  <div class="table-scroll"><table class="issue-table">\n    <thead><tr><th scope="col">Sentence</th><th scope="col">Verdict</th><th scope="col">Check</th><th scope="col">Message</th><th scope="col">Source span</th><th scope="col">Translation span</th></tr></thead>\n'
    for (l_1_check, l_1_items) in environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'issues'), 'groups'):
        _loop_vars = {}
        pass
        yield '    <tbody>\n      <tr class="group"><th scope="rowgroup" colspan="6">'
        yield escape(l_1_check)
        yield ' <span class="muted">'
        yield escape(t_2(l_1_items))
        yield '</span></th></tr>\n'
        for l_2_it in l_1_items:
            _loop_vars = {}
            pass
            yield '      <tr class="sev-'
            yield escape(environment.getattr(l_2_it, 'severity'))
            yield '"><td>'
            yield escape(environment.getattr(l_2_it, 'id'))
            yield '</td><td class="v-'
            yield escape(environment.getattr(l_2_it, 'verdict'))
            yield '">'
            yield escape(environment.getattr(l_2_it, 'label'))
            yield '</td><td><code>'
            yield escape(l_1_check)
            yield '</code> <span class="sev">'
            yield escape(environment.getattr(l_2_it, 'severity'))
            yield '</span></td><td dir="auto">'
            yield escape(environment.getattr(l_2_it, 'message'))
            yield '</td><td dir="auto">'
            yield escape(environment.getattr(l_2_it, 'source'))
            yield '</td><td dir="auto">'
            yield escape(environment.getattr(l_2_it, 'text'))
            yield '</td></tr>\n'
        l_2_it = missing
        yield '    </tbody>\n'
    l_1_check = l_1_items = missing
    yield '  </table></div>\n'
    if (environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'issues'), 'shown') < environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'issues'), 'total')):
        pass
        yield '<p>The first '
        yield escape(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'issues'), 'shown'))
        yield ' of '
        yield escape(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'issues'), 'total'))
        yield ' flags; every flag is in the JSON embedded in this page.</p>'
    yield '</section>\n</noscript>\n\n<footer class="foot">\n  Generated by driftcheck'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'version'):
        pass
        yield ' '
        yield escape(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'version'))
    yield '. Scores are sacreBLEU chrF, BLEU (higher = closer) and TER (lower = closer).\n  Review decisions stay in this browser until you export them (<code>driftcheck baseline import</code> reads the file).\n  The full report is embedded in this page as JSON (<code>#driftcheck-data</code>).\n</footer>\n</div>\n<template id="icon-ok">'
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'icon'), 'ok'))
    yield '</template>\n<template id="icon-review">'
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'icon'), 'review'))
    yield '</template>\n<template id="icon-fail">'
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'icon'), 'fail'))
    yield '</template>\n<script type="application/json" id="driftcheck-data">'
    yield escape(t_3(context.eval_ctx, (undefined(name='blob') if l_0_blob is missing else l_0_blob)))
    yield '</script>\n<script>'
    yield escape((undefined(name='js') if l_0_js is missing else l_0_js))
    yield '</script>\n</body>\n</html>\n'

blocks = {}
debug_info = '2=36&8=39&10=41&11=43&12=45&14=47&20=49&23=59&24=65&26=79&27=85&28=87&29=89&32=117&33=121&36=131&38=134&39=137&42=160&49=164&51=168&52=170&56=180&60=182&62=185&65=187&66=204&67=208&68=212&69=219&72=235&74=245&78=248&79=252&87=269&89=272&94=274&96=278&97=282&98=288&99=301&115=318&116=322&123=333&138=347&148=349&174=353&176=357&177=361&178=365&183=387&188=395&193=400&194=402&195=404&196=406&197=408'