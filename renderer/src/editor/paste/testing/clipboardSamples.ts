// Clipboard HTML as the desk's sources really put it there (test data for paste cleaning): Word
// for Windows, Google Docs in Chrome, 한글 (HWP) and a news web page copied in a browser.

/** Word: namespaces, conditional comments, <o:p>, mso- styles, a bulleted and a numbered list written as paragraphs. */
export const WORD = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/kim/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->
<style><!-- @font-face {font-family:"맑은 고딕";} p.MsoNormal {mso-style-unhide:no; margin:0cm; font-size:10.0pt;} --></style>
<!--[if gte mso 10]><style>table.MsoNormalTable {mso-style-name:"표준 표";}</style><![endif]-->
</head>
<body lang=KO link="#0563C1" vlink="#954F72" style='tab-interval:40.0pt;word-wrap:break-word'>
<!--StartFragment-->
<h1><span lang=EN-US>Port Avery</span> 항만 자동화<o:p></o:p></h1>
<p class=MsoNormal><b><span style='font-family:"맑은 고딕";mso-bidi-font-family:"Times New Roman"'>굵은 글씨</span></b><span lang=EN-US> </span><i><span style='mso-bidi-font-size:11.0pt'>기울임</span></i><span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='margin-left:20.0pt;mso-para-margin-left:0gd;text-indent:-20.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>첫째 항목<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:40.0pt;text-indent:-20.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:Wingdings'><span style='mso-list:Ignore'>§<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span></span><![endif]>하위 항목<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='margin-left:20.0pt;text-indent:-20.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>둘째 항목<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span></span><![endif]>하나<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span></span><![endif]>둘<o:p></o:p></p>
<p class=MsoNormal>자세한 내용은 <a href="https://example.com/report"><span style='color:#0563C1'>보고서</span></a>를 참고.<span style='mso-spacerun:yes'>&nbsp; </span><o:p></o:p></p>
<!--EndFragment-->
</body></html>`;

/** Google Docs: the docs-internal-guid <b> wrapper (not bold), bold and italic as span styles, a real list, a redirected link. */
export const GOOGLE_DOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5c3a1f2e-7fff-4b1c-9d7e-1a2b3c4d5e6f"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">중간제목</span></h2><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">굵게</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> 보통 글씨 </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:italic;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">기울임</span></p><br><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">항목 하나</span></p></li><li dir="ltr" style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-weight:400;">항목 둘</span></p></li></ul><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><a href="https://www.google.com/url?q=https://example.org/&amp;sa=D&amp;source=editors" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">링크 글</span></a></p></b><br class="Apple-interchange-newline">`;

/** 한글 (HWP): upper-case tags, HStyle classes, quoted style values, a 1-cell table, an nbsp spacer paragraph. */
export const HWP = `<HTML>
<HEAD>
<META NAME="Generator" CONTENT="Hancom HWP 10.0.0.5651">
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8">
<TITLE></TITLE>
<STYLE type="text/css">
<!--
p.HStyle0
	{style-name:"바탕글"; margin-top:0.0pt; margin-bottom:0.0pt; text-align:justify; text-indent:0.0pt; line-height:160%; font-size:10.0pt; font-family:"한컴바탕"; letter-spacing:0; font-weight:"normal"; font-style:"normal"; color:#000000;}
-->
</STYLE>
</HEAD>
<BODY>
<!--StartFragment-->
<P CLASS=HStyle0 STYLE='margin-left:0.0pt;line-height:160%;'><SPAN STYLE='font-family:"한컴바탕";font-weight:"bold"'>굵은 첫 줄</SPAN></P>
<P CLASS=HStyle0><SPAN STYLE='font-family:"한컴바탕";letter-spacing:-0.1pt'>본문 첫 문단입니다. </SPAN><SPAN STYLE='font-family:"한컴바탕";font-style:"italic"'>기울인 말</SPAN><SPAN STYLE='font-family:"한컴바탕"'>로 끝납니다.</SPAN></P>
<P CLASS=HStyle0><SPAN STYLE='font-family:"한컴바탕"'>&nbsp;</SPAN></P>
<TABLE border="1" cellspacing="0" cellpadding="0" style='border-collapse:collapse;border:none;'>
<TR>
	<TD valign="middle" style='width:200px;height:30px;border-left:solid #000000 0.4pt;padding:1.4pt 5.1pt 1.4pt 5.1pt'>
	<P CLASS=HStyle0><SPAN STYLE='font-family:"한컴바탕"'>표 안의 글</SPAN></P>
	</TD>
</TR>
</TABLE>
<!--EndFragment-->
</BODY>
</HTML>`;

/** A long enough data: PNG (a real paste carries the whole image; tiny data: images are treated as pixels). */
export const DATA_IMAGE = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQDAD8hBfvYkG5AAAAAAElFTkSuQmCC'.repeat(4)}`;

/** A news page copied in a browser: scripts, handlers, an iframe, tracking pixels, a form, hidden text, a javascript: link. */
export const WEB_PAGE = `<html><body><!--StartFragment--><h1 class="headline" onclick="track()">Port Avery votes to automate</h1><script>alert('x')</script><p class="byline">By <a href="javascript:alert(1)">Dana Whitfield</a> · <a href="https://example.com/full" onclick="steal()" target="_blank" rel="noopener">full story</a></p><iframe src="https://ads.example.com/frame"></iframe><img src="https://pixel.example.com/t.gif" width="1" height="1" alt=""><img src="https://pixel.example.com/t2.gif" style="width:1px;height:1px"><figure class="photo"><img src="https://cdn.example.com/cranes.jpg" alt="Cranes" onerror="alert(2)" srcset="a.jpg 2x"><figcaption>Cranes at dawn (Photo: Dana Whitfield)</figcaption></figure><form action="/subscribe"><input name="email"><button>Subscribe</button></form><blockquote><p>“We did it,” she said.</p></blockquote><ol><li>First point</li><li>Second point</li></ol><p>A pasted picture: <img src="${'DATA'}" alt="pasted"> and <img src="blob:https://example.com/6f1c3b1e-0c1a-4f5e-9b1a-3c2d1e0f9a8b" alt="blob"></p><style>.x{color:red}</style><p style="display:none">hidden seo text</p><noscript><img src="https://pixel.example.com/ns.gif"></noscript><svg onload="alert(3)"><text>svg</text></svg><!--EndFragment--></body></html>`.replace(
  'DATA',
  DATA_IMAGE,
);
