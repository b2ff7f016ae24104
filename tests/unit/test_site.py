from kelisim.site import compact


def test_compact_drops_template_indentation_but_keeps_preformatted_text():
    page = ("<ul>\n    <li>один</li>\n\n    <li>два</li>\n  </ul>\n"
            "<pre><code>a\n    b\n</code></pre>\n  <p>x <code>  y  </code>\n   z</p>\n"
            "<script>\n  var a = 1;\n</script>")
    assert compact(page) == ("<ul>\n<li>один</li>\n<li>два</li>\n</ul>\n"
                             "<pre><code>a\n    b\n</code></pre>\n<p>x <code>  y  </code>\nz</p>\n"
                             "<script>\n  var a = 1;\n</script>")
