@echo off
rem gongcrm: runs lib\gongcrm.jar on a Java 17+ runtime (JAVA_HOME's, else the java on PATH), from any folder.
rem GONGCRM_JAVA_OPTS passes JVM options.
setlocal
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
rem validation is a batch job: the throughput collector suits it, unless GONGCRM_JAVA_OPTS picks a collector
set "GC_FLAG=-XX:+UseParallelGC"
if defined GONGCRM_JAVA_OPTS if not "%GONGCRM_JAVA_OPTS:GC=%"=="%GONGCRM_JAVA_OPTS%" set "GC_FLAG="
"%JAVA_EXE%" %GC_FLAG% -XX:FreqInlineSize=100 %GONGCRM_JAVA_OPTS% -jar "%~dp0..\lib\gongcrm.jar" %*
exit /b %ERRORLEVEL%
