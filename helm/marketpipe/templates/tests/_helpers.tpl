{{/*
A `helm test` Pod (helm.sh/hook: test): runs one node script (tests.image) and ends; kept when it fails, for its log.
The chart's pod and container security settings, no probes (it is not a service). Labelled with component "test",
which the NetworkPolicies admit to what the tests read. Call with (dict "root" $ "name" "…" "script" "…" "env"
(rendered list) "volumeMounts" (rendered list) "volumes" (rendered list)).
*/}}
{{- define "marketpipe.testPod" -}}
{{- $root := .root -}}
{{- $t := $root.Values.tests -}}
apiVersion: v1
kind: Pod
metadata:
  name: {{ printf "%s-test-%s" (include "marketpipe.fullname" $root | trunc 40 | trimSuffix "-") .name | trunc 63 | trimSuffix "-" }}
  labels:
    {{- include "marketpipe.labels" $root | nindent 4 }}
    app.kubernetes.io/component: test
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  restartPolicy: Never
  activeDeadlineSeconds: {{ $t.timeoutSeconds }}
  serviceAccountName: {{ include "marketpipe.serviceAccountName" $root }}
  automountServiceAccountToken: false
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  containers:
    - name: test
      image: {{ ternary (printf "%s:%s" $t.image.repository $t.image.tag) $t.image.repository (ne $t.image.tag "") | quote }}
      imagePullPolicy: {{ $t.image.pullPolicy }}
      securityContext:
        {{- toYaml $root.Values.containerSecurityContext | nindent 8 }}
      command:
        - node
        - --eval
        - |
          {{- .script | trim | nindent 10 }}
      {{- with trim (default "" .env) }}
      env:
        {{- . | nindent 8 }}
      {{- end }}
      resources:
        {{- toYaml $t.resources | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        {{- with trim (default "" .volumeMounts) }}
        {{- . | nindent 8 }}
        {{- end }}
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: 16Mi
    {{- with trim (default "" .volumes) }}
    {{- . | nindent 4 }}
    {{- end }}
{{- end }}
