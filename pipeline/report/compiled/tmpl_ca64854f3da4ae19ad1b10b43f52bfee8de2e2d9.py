from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'macros.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_icon = l_0_scores_table = missing
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    pass
    def macro(l_1_verdict):
        t_2 = []
        if l_1_verdict is missing:
            l_1_verdict = undefined("parameter 'verdict' was not provided", name='verdict')
        pass
        t_2.append(
            '<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">',
        )
        if (l_1_verdict == 'ok'):
            pass
            t_2.append(
                '<circle cx="8" cy="8" r="7" fill="currentColor"></circle><path d="M4.6 8.3l2.2 2.2 4.6-4.8" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"></path>',
            )
        elif (l_1_verdict == 'review'):
            pass
            t_2.append(
                '<path d="M8 1.2l7.2 13H.8z" fill="currentColor" stroke="currentColor" stroke-width="1" stroke-linejoin="round"></path><path d="M8 5.8v3.9" stroke="#fff" stroke-width="1.7" stroke-linecap="round"></path><circle cx="8" cy="12" r="1" fill="#fff"></circle>',
            )
        else:
            pass
            t_2.append(
                '<circle cx="8" cy="8" r="7" fill="currentColor"></circle><path d="M5.4 5.4l5.2 5.2M10.6 5.4l-5.2 5.2" stroke="#fff" stroke-width="1.8" stroke-linecap="round"></path>',
            )
        t_2.append(
            '</svg>',
        )
        return concat(t_2)
    context.exported_vars.add('icon')
    context.vars['icon'] = l_0_icon = Macro(environment, macro, 'icon', ('verdict',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_rows, l_1_caption):
        t_3 = []
        if l_1_rows is missing:
            l_1_rows = undefined("parameter 'rows' was not provided", name='rows')
        if l_1_caption is missing:
            l_1_caption = undefined("parameter 'caption' was not provided", name='caption')
        pass
        t_3.extend((
            '<table class="scores-table">\n  <caption>',
            escape(l_1_caption),
            '</caption>\n  <thead><tr><th scope="col"><span class="sr-only">Comparison</span></th><th scope="col">chrF <span class="muted">↑</span></th><th scope="col">BLEU <span class="muted">↑</span></th><th scope="col">TER <span class="muted">↓</span></th></tr></thead>\n  <tbody>\n',
        ))
        for l_2_s in l_1_rows:
            _loop_vars = {}
            pass
            t_3.extend((
                '    <tr><th scope="row">',
                escape(environment.getattr(l_2_s, 'label')),
                '</th><td>',
                escape(t_1('%.1f', environment.getattr(l_2_s, 'chrf'))),
                '</td><td>',
                escape(t_1('%.1f', environment.getattr(l_2_s, 'bleu'))),
                '</td><td>',
                escape(t_1('%.1f', environment.getattr(l_2_s, 'ter'))),
                '</td></tr>\n',
            ))
        l_2_s = missing
        t_3.append(
            '  </tbody>\n</table>',
        )
        return concat(t_3)
    context.exported_vars.add('scores_table')
    context.vars['scores_table'] = l_0_scores_table = Macro(environment, macro, 'scores_table', ('rows', 'caption'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=18&5=26&7=31&15=48&17=57&20=60&21=65'